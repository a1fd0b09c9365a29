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

    private async Task OpenAsync(ScimSetupService.TokenChange? generated = null)
    {
        var noChange = Task.FromResult(new ScimSetupService.TokenChange(null, null, []));
        _dialog = await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ScimSetupDialog>("", new DialogParameters<ScimSetupDialog>
        {
            { d => d.EndpointUrl, Endpoint },
            { d => d.Tokens, [] },
            { d => d.Generate, () => generated is null ? noChange : Task.FromResult(generated) },
            { d => d.Revoke, _ => noChange },
        }));
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("button[aria-label='Copy the endpoint URL']")));
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
}
