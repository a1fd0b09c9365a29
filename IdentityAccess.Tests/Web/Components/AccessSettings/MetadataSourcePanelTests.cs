using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>What a parent admin reads about where the IdP's metadata comes from, its refresh, its certificates' ends, and the rollback.</summary>
public sealed class MetadataSourcePanelTests : ComponentTest
{
    private static readonly DateTimeOffset _checked = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly SamlConnectionDetails _okta = new("http://www.okta.com/exk1", "https://acme.okta.com/app/sso/saml", SamlAttributePreset.Okta,
        Enabled: true, AllowIdpInitiated: false, _checked, [Certificate("CN=okta", CertificateExpiry.Fine)]);

    private static readonly SamlMetadataSourceView _source = new("https://acme.okta.com/app/exk1/sso/saml/metadata", _checked, _checked.AddDays(-3),
        _checked.AddHours(24), LastError: null, FailingSince: null, PausedAt: null);

    private static SamlCertificateView Certificate(string subject, CertificateExpiry expiry) =>
        new(subject, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 2048, "AB") { Expiry = expiry, Fingerprint = "AB:CD" };

    [Fact]
    public void Render_FromAUrl_ShowsTheUrlWhenCheckedAndNextInUtc()
    {
        var panel = Render<MetadataSourcePanel>(p => p.Add(c => c.Connection, _okta with { Source = _source }));

        Assert.Contains(_source.Url, panel.Find("[data-testid='metadata-source-url']").TextContent);
        Assert.Equal("2026-12-05 09:30 UTC", panel.Find("[data-testid='metadata-last-checked']").TextContent);
        Assert.Equal("2026-12-06 09:30 UTC", panel.Find("[data-testid='metadata-next-check']").TextContent);
        Assert.NotNull(panel.Find("button[data-testid='metadata-refresh-now']"));
        Assert.Empty(panel.FindAll("[data-testid='metadata-refresh-failing']"));
    }

    [Fact]
    public void Render_RefreshFailing_SaysSinceWhenWhyAndThatSignInGoesOn()
    {
        var failing = _source with { LastError = "The metadata could not be fetched: the server answered HTTP 503", FailingSince = _checked.AddHours(5) };

        var panel = Render<MetadataSourcePanel>(p => p.Add(c => c.Connection, _okta with { Source = failing }));

        var alert = panel.Find("[data-testid='metadata-refresh-failing']").TextContent;
        Assert.Contains("failed since 2026-12-05 14:30 UTC", alert);
        Assert.Contains("HTTP 503", alert);
        Assert.Contains("Sign-in goes on with the metadata last fetched on 2026-12-05 09:30 UTC", alert);
    }

    [Fact]
    public void Render_Pasted_SaysNothingUpdatesItAndOffersNoRefresh()
    {
        var panel = Render<MetadataSourcePanel>(p => p.Add(c => c.Connection, _okta));

        Assert.Contains("nothing updates it", panel.Find("[data-testid='metadata-source-pasted']").TextContent);
        Assert.Empty(panel.FindAll("[data-testid='metadata-refresh-now']"));
        Assert.Empty(panel.FindAll("[data-testid='metadata-roll-back']"));
    }

    [Fact]
    public void RollBack_Pressed_RaisesItAndShowsARefusal()
    {
        var pressed = 0;
        var panel = Render<MetadataSourcePanel>(p => p
            .Add(c => c.Connection, _okta with { ReplacedAt = _checked })
            .Add(c => c.OnRollBack, () =>
            {
                pressed++;
                return Task.FromResult<Error?>(new NoPreviousMetadata());
            }));

        panel.Find("button[data-testid='metadata-roll-back']").Click();

        Assert.Equal(1, pressed);
        Assert.Contains("no previous metadata", panel.Find("[data-testid='metadata-source-error']").TextContent);
    }

    [Fact]
    public void Render_ReadOnly_ShowsTheStateWithoutActions()
    {
        var panel = Render<MetadataSourcePanel>(p => p.Add(c => c.Connection, _okta with { Source = _source, ReplacedAt = _checked }).Add(c => c.ReadOnly, true));

        Assert.NotNull(panel.Find("[data-testid='metadata-source-url']"));
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void ExpiryWarning_OnlyKeyEndsSoon_Warns_AndANextKeyAlreadyTrustedSilencesIt()
    {
        var ending = _okta with { Certificates = [Certificate("CN=okta", CertificateExpiry.Within7Days)] };
        var rolledOver = _okta with { Certificates = [Certificate("CN=okta", CertificateExpiry.Within7Days), Certificate("CN=okta next", CertificateExpiry.Fine)] };

        var warned = Render<IdpCertificateExpiryWarning>(p => p.Add(c => c.Connection, ending));
        var quiet = Render<IdpCertificateExpiryWarning>(p => p.Add(c => c.Connection, rolledOver));
        var list = Render<IdpCertificateList>(p => p.Add(c => c.Certificates, rolledOver.Certificates));

        Assert.Contains("sign-in stops working", warned.Find("[data-testid='certificate-expiry-warning']").TextContent);
        Assert.Contains("paste its new metadata", warned.Markup);
        Assert.Empty(quiet.FindAll("[data-testid='certificate-expiry-warning']"));
        Assert.Equal("ends within 7 days", list.Find("[data-testid='idp-certificate-expiry']").TextContent.Trim());
    }
}
