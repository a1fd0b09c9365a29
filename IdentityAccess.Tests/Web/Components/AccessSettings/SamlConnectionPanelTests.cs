using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class SamlConnectionPanelTests : ComponentTest
{
    private static readonly SamlConnectionDetails _entra = new("https://sts.windows.net/tenant/", "https://login.microsoftonline.com/tenant/saml2",
        SamlAttributePreset.EntraId, Enabled: false, AllowIdpInitiated: false, DateTimeOffset.UnixEpoch,
        [new SamlCertificateView("CN=Microsoft Azure Federated SSO Certificate", new DateTimeOffset(2029, 1, 31, 0, 0, 0, TimeSpan.Zero), 2048, "AB12")]);

    private IRenderedComponent<SamlConnectionPanel> RenderPanel(SamlConnectionView view,
        Func<string, SamlAttributePreset, SamlCustomAttributes?, Task<Error?>>? import = null, Func<bool, Task<Error?>>? setEnabled = null) =>
        Render<SamlConnectionPanel>(p => p
            .Add(c => c.View, view)
            .Add(c => c.SpEntityId, "urn:identityaccess:sp")
            .Add(c => c.AcsUrl, "https://portal.example/saml/acs")
            .Add(c => c.MetadataUrl, "https://portal.example/saml/metadata")
            .Add(c => c.OnImport, import ?? ((_, _, _) => Task.FromResult<Error?>(null)))
            .Add(c => c.OnSetEnabled, setEnabled ?? (_ => Task.FromResult<Error?>(null))));

    [Fact]
    public void Render_EntraConnection_ShowsEntityIdCertificateAndTheOverageNote()
    {
        var panel = RenderPanel(new SamlConnectionView(_entra, HasVerifiedDomain: true));

        Assert.Equal("urn:identityaccess:sp", panel.Find("[data-testid='sp-entity-id']").TextContent);
        Assert.Equal("https://portal.example/saml/acs", panel.Find("[data-testid='sp-acs-url']").TextContent);
        Assert.Equal("https://sts.windows.net/tenant/", panel.Find("[data-testid='idp-entity-id']").TextContent);
        Assert.Contains("expires 2029-01-31 · RSA 2048 bits", panel.Find("[data-testid='idp-certificate']").TextContent);
        Assert.Contains("150 groups", panel.Find("[data-testid='entra-overage-note']").TextContent);
    }

    [Fact]
    public void Render_PeopleWithGroupOverage_WarnsTheAdminWithTheCount_AndSaysNothingWhenThereAreNone()
    {
        var warned = RenderPanel(new SamlConnectionView(_entra, HasVerifiedDomain: true, PeopleWithGroupOverage: 3));
        var quiet = RenderPanel(new SamlConnectionView(_entra, HasVerifiedDomain: true));

        Assert.Contains("3 people last signed in with too many groups", warned.Find("[data-testid='group-overage-warning']").TextContent);
        Assert.Empty(quiet.FindAll("[data-testid='group-overage-warning']"));
    }

    [Fact]
    public void Render_ExistingOktaConnection_ReplacingMetadataStartsFromItsAttributeNames()
    {
        var panel = RenderPanel(new SamlConnectionView(_entra with { Preset = SamlAttributePreset.Okta }, HasVerifiedDomain: true));

        Assert.Equal("Okta", panel.Find("[data-testid='saml-preset'][role=combobox]").TextContent.Trim());
    }

    [Fact]
    public void Render_WithoutVerifiedDomain_SwitchIsDisabledAndSaysWhy()
    {
        var panel = RenderPanel(new SamlConnectionView(_entra, HasVerifiedDomain: false));

        Assert.True(panel.Find("input[data-testid='sso-enabled'], [data-testid='sso-enabled'] input").HasAttribute("disabled"));
        Assert.Contains("Verify an email domain", panel.Find("[data-testid='sso-needs-domain']").TextContent);
    }

    [Fact]
    public void Import_Refused_ShowsTheReasonAndRaisesThePastedXml()
    {
        string? pasted = null;
        var panel = RenderPanel(new SamlConnectionView(null, HasVerifiedDomain: true), import: (xml, preset, _) =>
        {
            pasted = xml;
            return Task.FromResult<Error?>(new MetadataMissingSigningCertificate());
        });

        panel.Find("textarea[data-testid='idp-metadata'], [data-testid='idp-metadata'] textarea").Input("<EntityDescriptor/>");
        panel.Find("button[data-testid='import-metadata']").Click();

        Assert.Equal("<EntityDescriptor/>", pasted);
        Assert.Contains("no signing certificate", panel.Find("[data-testid='saml-error']").TextContent);
        Assert.Empty(panel.FindAll("[data-testid='sso-enabled']"));
    }

    [Fact]
    public void GlobalStatus_EnabledConnection_SaysEnabled()
    {
        var status = Render<GlobalSsoStatus>(p => p
            .Add(c => c.ParentName, "Acme Corporation")
            .Add(c => c.Saml, new SamlConnectionView(_entra with { Enabled = true }, true)));

        Assert.Equal("Enabled", status.Find("[data-testid='sso-status']").TextContent.Trim());
    }
}
