using Bunit;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>What the owner reads before a domain is removed, and the typed confirmation when people sign in through it.</summary>
public sealed class DomainRemovalDialogTests : ComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public DomainRemovalDialogTests()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private async Task<IDialogReference> OpenAsync(DomainRemovalImpact impact)
    {
        var dialog = await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<DomainRemovalDialog>("Remove?",
            new DialogParameters<DomainRemovalDialog> { { d => d.Impact, impact } }));
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid='confirm-domain-removal']")));
        return dialog;
    }

    [Fact]
    public async Task VerifiedDomainPeopleUse_SaysWhoIsCutOff_AndRemovesOnlyOnceTyped()
    {
        var dialog = await OpenAsync(new DomainRemovalImpact("acme.test", DomainStatus.Verified, Members: 1204, DirectoryUsers: 8, SsoEnabled: true,
            LastVerifiedDomain: true));

        var impact = _dialogs.Find("[data-testid='domain-removal-impact']").TextContent;
        Assert.Contains("1,204", impact);
        Assert.Contains("No organization uses single sign-on for that email address", impact);
        Assert.Contains("SCIM directory", impact);
        Assert.Contains("last verified domain", impact);
        Assert.Contains("same TXT record", impact);
        Assert.True(_dialogs.Find("button[data-testid='confirm-domain-removal']").HasAttribute("disabled"));

        _dialogs.Find("input[data-testid='domain-removal-typed'], [data-testid='domain-removal-typed'] input").Input("acme.tes");
        Assert.True(_dialogs.Find("button[data-testid='confirm-domain-removal']").HasAttribute("disabled"));
        _dialogs.Find("input[data-testid='domain-removal-typed'], [data-testid='domain-removal-typed'] input").Input("acme.test");
        _dialogs.Find("button[data-testid='confirm-domain-removal']").Click();

        var result = await dialog.Result;
        Assert.Equal((false, "acme.test"), (result!.Canceled, result.Data as string));
    }

    [Fact]
    public async Task PendingDomain_NothingDependsOnIt_NoTypingAsked()
    {
        await OpenAsync(new DomainRemovalImpact("contoso.example", DomainStatus.Pending, 0, 0, SsoEnabled: true, LastVerifiedDomain: false));

        Assert.Contains("not verified yet", _dialogs.Find("[data-testid='domain-removal-pending']").TextContent);
        Assert.Empty(_dialogs.FindAll("[data-testid='domain-removal-typed']"));
        Assert.False(_dialogs.Find("button[data-testid='confirm-domain-removal']").HasAttribute("disabled"));
    }
}
