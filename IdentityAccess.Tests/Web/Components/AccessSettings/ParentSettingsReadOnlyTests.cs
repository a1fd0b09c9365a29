using Bunit;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>
/// What the parent owns, as those who may not change it see it (an organization's Owner or chat Admin who is no parent
/// admin): what is configured, who decides, and not one control that would change it.
/// </summary>
public sealed class ParentSettingsReadOnlyTests : ComponentTest
{
    private static readonly DomainView _pending = new(Guid.NewGuid(), "contoso.com", DomainStatus.Pending, "identityaccess-domain-verification=abc", null, null, null);
    private static readonly DomainView _verified = new(Guid.NewGuid(), "acme.test", DomainStatus.Verified, "identityaccess-domain-verification=def",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "TXT record found.");

    private static readonly SamlConnectionDetails _okta = new("http://www.okta.com/exk1", "https://acme.okta.com/app/sso/saml", SamlAttributePreset.Okta,
        Enabled: true, AllowIdpInitiated: false, DateTimeOffset.UnixEpoch, [new SamlCertificateView("CN=Okta", DateTimeOffset.UnixEpoch.AddYears(60), 2048, "AB")]);

    [Fact]
    public void Domains_ReadOnly_ListsThemWithoutAddVerifyOrRemove()
    {
        var panel = Render<DomainsPanel>(p => p.Add(c => c.Domains, [_verified, _pending]).Add(c => c.ReadOnly, true));

        Assert.Contains("Pending", panel.Find("tr[data-domain='contoso.com']").TextContent);
        Assert.Empty(panel.FindAll("button"));
        Assert.Empty(panel.FindAll("input"));
    }

    [Fact]
    public void Domains_ReadOnlyAndNone_SaysSo() =>
        Assert.Equal("No domain yet.", Render<DomainsPanel>(p => p.Add(c => c.Domains, []).Add(c => c.ReadOnly, true)).Find("[data-testid=no-domains]").TextContent);

    [Fact]
    public void SamlConnection_ReadOnly_ShowsTheConnectionWithADisabledSwitchAndNoImport()
    {
        var panel = Render<SamlConnectionPanel>(p => p.Add(c => c.View, new SamlConnectionView(_okta, HasVerifiedDomain: true)).Add(c => c.ReadOnly, true)
            .Add(c => c.SpEntityId, "urn:identityaccess:sp").Add(c => c.AcsUrl, "https://portal.example/saml/acs").Add(c => c.MetadataUrl, "https://portal.example/saml/metadata"));

        Assert.Equal("http://www.okta.com/exk1", panel.Find("[data-testid='idp-entity-id']").TextContent);
        Assert.True(panel.Find("[data-testid='sso-enabled'] input, input[data-testid='sso-enabled']").HasAttribute("disabled"));
        Assert.Empty(panel.FindAll("[data-testid='idp-metadata']"));
        Assert.Empty(panel.FindAll("[data-testid='import-metadata']"));
        Assert.Empty(panel.FindAll("textarea"));
    }

    [Fact]
    public void SamlConnection_ReadOnlyAndNone_SaysNoIdpYet()
    {
        var panel = Render<SamlConnectionPanel>(p => p.Add(c => c.View, new SamlConnectionView(null, HasVerifiedDomain: false)).Add(c => c.ReadOnly, true)
            .Add(c => c.SpEntityId, "urn:identityaccess:sp").Add(c => c.AcsUrl, "a").Add(c => c.MetadataUrl, "m"));

        Assert.Equal("No IdP connected yet.", panel.Find("[data-testid='no-saml-connection']").TextContent);
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void GlobalStatus_ForSomeoneWhoMayNotManage_NoSetUpScimButSyncNowWhenAllowed_AndWhoDecides()
    {
        var status = Render<GlobalSsoStatus>(p => p
            .Add(c => c.ParentName, "Acme Corporation")
            .Add(c => c.ScimTokens, 1)
            .Add(c => c.CanManage, false)
            .Add(c => c.CanSyncNow, true)
            .Add(c => c.ManagedBy, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid='managed-by-parent'>Managed by the parent organization's admins: Alice Anders.</p>"))));

        Assert.Empty(status.FindAll("[data-testid=set-up-scim]"));
        Assert.Equal("Configured", status.Find("[data-testid=scim-status]").TextContent.Trim());
        Assert.False(status.Find("[data-testid=sync-now]").HasAttribute("disabled"));
        Assert.Contains("Alice Anders", status.Find("[data-testid=managed-by-parent]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalStatus_ForSomeoneWithoutSyncNow_NoSyncNowButton()
    {
        var status = Render<GlobalSsoStatus>(p => p.Add(c => c.ParentName, "Acme Corporation").Add(c => c.ScimTokens, 1)
            .Add(c => c.CanManage, false).Add(c => c.CanSyncNow, false));

        Assert.Empty(status.FindAll("button"));
    }
}
