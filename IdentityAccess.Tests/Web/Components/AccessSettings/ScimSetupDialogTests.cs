using Bunit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>
/// A generated token and a copy are confirmed in snackbars that go with the dialog; a browser that refuses the clipboard
/// and a refused token are said in words.
/// </summary>
public sealed class ScimSetupDialogTests : ComponentTest
{
    private const string Endpoint = "https://portal.example/scim/v2";

    private readonly IRenderedComponent<MudSnackbarProvider> _snackbars;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public ScimSetupDialogTests()
    {
        Render<MudPopoverProvider>();
        _snackbars = Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private IDialogReference _dialog = default!;

    private async Task OpenAsync(ScimSetupService.TokenChange? generated = null, IReadOnlyList<ScimTokenInfo>? tokens = null,
        ScimTokenRevokeImpact? revokeImpact = null, Func<Guid, string?, Task<ScimSetupService.TokenChange>>? revoke = null)
    {
        var noChange = Task.FromResult(new ScimSetupService.TokenChange(null, null, []));
        var impact = revokeImpact ?? new ScimTokenRevokeImpact("ia_scim_One1", IsLastToken: false, [], 0);
        _dialog = await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ScimSetupDialog>("", new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, Endpoint },
            { d => d.Tokens, tokens ?? [] },
            { d => d.Generate, () => generated is null ? noChange : Task.FromResult(generated) },
            { d => d.PreviewRevoke, _ => Task.FromResult<(ScimTokenRevokeImpact?, IdentityAccess.Core.Common.Error?)>((impact, null)) },
            { d => d.Revoke, revoke ?? ((_, _) => noChange) },
        }));
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("button[data-testid=scim-generate]"))); // in any language
    }

    [Fact]
    public async Task CopyEndpoint_BrowserAllows_CopiesAndConfirmsInASnackbar()
    {
        var copy = JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true);
        copy.SetVoidResult();
        await OpenAsync();

        _dialogs.Find("button[aria-label='Copy the endpoint URL']").Click();

        _snackbars.WaitForAssertion(() => Assert.Contains("Copied to the clipboard.", _snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(Endpoint, copy.Invocations.Single().Arguments[0]);
        Assert.Empty(_snackbars.FindAll(".mud-snackbar button")); // no second "Close" beside the dialog's own
    }

    [Fact]
    public async Task EndpointUrl_InAFieldThatWraps_SoAPhoneShowsAllOfIt_WithItsCopyButton()
    {
        await OpenAsync();

        // Issue #20: a one-line input cut the address at 360 px; a textarea breaks it over lines (ia-wrap-value).
        var endpoint = _dialogs.Find("[data-testid=scim-endpoint] textarea, textarea[data-testid=scim-endpoint]");
        Assert.Equal(Endpoint, endpoint.GetAttribute("value") ?? endpoint.TextContent.Trim());
        Assert.True(endpoint.HasAttribute("readonly"));
        Assert.NotNull(endpoint.Closest(".ia-wrap-value"));
        Assert.Single(_dialogs.FindAll("button[aria-label='Copy the endpoint URL']"));
    }

    [Fact]
    public async Task CopyEndpoint_BrowserRefuses_SaysHowToCopyByHand_DialogStaysUsable()
    {
        JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true).SetException(new JSException("Write permission denied."));
        await OpenAsync();

        _dialogs.Find("button[aria-label='Copy the endpoint URL']").Click();

        _snackbars.WaitForAssertion(() => Assert.Contains("Select the text and copy it yourself.", _snackbars.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Write permission denied", _snackbars.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(_dialogs.FindAll("[data-testid=scim-generate]"));
    }

    [Fact]
    public async Task Generate_Succeeds_ConfirmedInASnackbar_GoneWhenTheDialogCloses()
    {
        var token = new ScimTokenInfo(Guid.NewGuid(), "ia_scim_AbCd", DateTimeOffset.UnixEpoch, "alice@acme.test", null);
        await OpenAsync(new ScimSetupService.TokenChange("ia_scim_AbCdEfGh", null, [token]));

        _dialogs.Find("[data-testid=scim-generate]").Click();

        _snackbars.WaitForAssertion(() => Assert.Contains("Token generated. Copy it now: it is shown only once.", _snackbars.Markup, StringComparison.Ordinal));
        await _dialogs.InvokeAsync(() => _dialog.Close());
        _snackbars.WaitForAssertion(() => Assert.DoesNotContain("Token generated", _snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_Refused_SaidInTheDialog_NoSuccessSnackbar()
    {
        await OpenAsync(new ScimSetupService.TokenChange(null, new TooManyActiveTokens(2), []));

        _dialogs.Find("[data-testid=scim-generate]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains(new TooManyActiveTokens(2).Message, _dialogs.Find(".mud-alert-message").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Token generated", _snackbars.Markup, StringComparison.Ordinal);
    }

    private static ScimTokenInfo Token(string prefix) => new(Guid.NewGuid(), prefix, DateTimeOffset.UnixEpoch, "alice@acme.test", null);

    [Fact]
    public async Task AtTheLimit_GenerateIsOff_AndSaysToRevokeOneFirst()
    {
        await OpenAsync(tokens: [Token("ia_scim_One1"), Token("ia_scim_Two2")]);

        Assert.True(_dialogs.Find("[data-testid=scim-generate]").HasAttribute("disabled"));
        Assert.Contains("2 tokens are active: revoke one to generate another.", _dialogs.Find("[data-testid=scim-token-limit]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RefusedAfterAToken_KeepsTheUncopiedTokenOnScreen_AndDropsTheStaleSuccess()
    {
        var calls = 0;
        var first = new ScimSetupService.TokenChange("ia_scim_FirstSecret", null, [Token("ia_scim_Firs")]);
        var refused = new ScimSetupService.TokenChange(null, new TooManyActiveTokens(2), []);
        _dialog = await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ScimSetupDialog>("", new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, Endpoint },
            { d => d.Tokens, [] },
            { d => d.Generate, () => Task.FromResult(calls++ == 0 ? first : refused) },
            { d => d.PreviewRevoke, _ => Task.FromResult<(ScimTokenRevokeImpact?, IdentityAccess.Core.Common.Error?)>((null, new TokenNotFound())) },
            { d => d.Revoke, (_, _) => Task.FromResult(refused) },
        }));
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=scim-generate]")));

        _dialogs.Find("[data-testid=scim-generate]").Click();
        _snackbars.WaitForAssertion(() => Assert.Contains("Token generated", _snackbars.Markup, StringComparison.Ordinal));
        _dialogs.Find("[data-testid=scim-generate]").Click(); // refused (another admin took the last slot meanwhile)

        _dialogs.WaitForAssertion(() => Assert.Contains(new TooManyActiveTokens(2).Message, _dialogs.Markup, StringComparison.Ordinal));
        var secret = _dialogs.Find("[data-testid=scim-secret] textarea, textarea[data-testid=scim-secret]");
        Assert.Contains("ia_scim_FirstSecret", secret.GetAttribute("value") ?? secret.TextContent, StringComparison.Ordinal);
        _snackbars.WaitForAssertion(() => Assert.DoesNotContain("Token generated", _snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDialogSaysWhereToPasteInEachIdP()
    {
        await OpenAsync();

        var steps = _dialogs.Find("[data-testid=scim-idp-steps]").TextContent;
        Assert.All(["Microsoft Entra ID", "Okta", "JumpCloud", "Google Workspace"], idp => Assert.Contains(idp, steps, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeTheLastToken_WhileOrganizationsUseDirectorySync_SaysWhatStopsAndRevokesOnlyWithItsPrefixTyped()
    {
        string? confirmedWith = null;
        var revoked = new ScimSetupService.TokenChange(null, null, []);
        await OpenAsync(tokens: [Token("ia_scim_One1")], revokeImpact: new ScimTokenRevokeImpact("ia_scim_One1", IsLastToken: true, ["Acme", "Acme Labs"], 8),
            revoke: (_, typed) =>
            {
                confirmedWith = typed;
                return Task.FromResult(revoked);
            });

        _dialogs.Find("button[aria-label='Revoke token ia_scim_One1']").Click();

        var warning = _dialogs.Find("[data-testid=scim-revoke-last]").TextContent;
        Assert.Contains("last token", warning, StringComparison.Ordinal);
        Assert.Contains("Acme and Acme Labs are in Directory sync (SCIM) mode", warning, StringComparison.Ordinal);
        Assert.Null(confirmedWith);
        Assert.True(_dialogs.Find("button[data-testid=scim-revoke-confirm]").HasAttribute("disabled"));
        _dialogs.Find("input[data-testid=scim-revoke-typed], [data-testid=scim-revoke-typed] input").Input("ia_scim_One1");
        _dialogs.Find("button[data-testid=scim-revoke-confirm]").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal("ia_scim_One1", confirmedWith));
        Assert.Empty(_dialogs.FindAll("[data-testid=scim-revoke-last]"));
    }

    [Fact]
    public async Task RevokeAnotherToken_NoTypingAsked()
    {
        var calls = 0;
        await OpenAsync(tokens: [Token("ia_scim_One1"), Token("ia_scim_Two2")], revoke: (_, typed) =>
        {
            calls++;
            Assert.Null(typed);
            return Task.FromResult(new ScimSetupService.TokenChange(null, null, []));
        });

        _dialogs.Find("button[aria-label='Revoke token ia_scim_One1']").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal(1, calls));
        Assert.Empty(_dialogs.FindAll("[data-testid=scim-revoke-last]"));
    }

    [Theory]
    [InlineData("en", "ia_scim_One1… is the directory's last token.", "Acme, Acme Labs and Acme Research are in Directory sync (SCIM) mode",
        "The 1,204 people in the directory stay as they are.")]
    [InlineData("pt-BR", "ia_scim_One1… é o último token do diretório.", "Acme, Acme Labs e Acme Research estão no modo Directory sync (SCIM)",
        "As 1.204 pessoas do diretório continuam como estão.")]
    [InlineData("id", "ia_scim_One1… adalah token terakhir direktori ini.", "Acme, Acme Labs dan Acme Research berada dalam mode Directory sync (SCIM)",
        "1.204 orang di direktori tetap seperti apa adanya.")]
    public async Task RevokeTheLastToken_TheWarning_InTheReadersLanguage(string culture, string lastToken, string organizations, string directory)
    {
        using var language = Localizers.UiCulture(culture);
        await OpenAsync(tokens: [Token("ia_scim_One1")],
            revokeImpact: new ScimTokenRevokeImpact("ia_scim_One1", IsLastToken: true, ["Acme", "Acme Labs", "Acme Research"], 1_204));

        _dialogs.Find("[data-testid=scim-tokens] button").Click(); // its label is in the language too

        var warning = string.Join(" ", _dialogs.Find("[data-testid=scim-revoke-last]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lastToken, warning, StringComparison.Ordinal);
        Assert.Contains(organizations, warning, StringComparison.Ordinal);
        Assert.Contains(directory, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeTheLastToken_OneOrganizationAndOnePerson_InTheSingular()
    {
        await OpenAsync(tokens: [Token("ia_scim_One1")], revokeImpact: new ScimTokenRevokeImpact("ia_scim_One1", IsLastToken: true, ["Acme"], 1));

        _dialogs.Find("button[aria-label='Revoke token ia_scim_One1']").Click();

        var warning = string.Join(" ", _dialogs.Find("[data-testid=scim-revoke-last]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Acme is in Directory sync (SCIM) mode and stops receiving changes", warning, StringComparison.Ordinal);
        Assert.Contains("The 1 person in the directory stays as they are.", warning, StringComparison.Ordinal);
    }
}
