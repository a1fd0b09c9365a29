using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.TestSignIn;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The organization's SSO connection, its metadata and certificates, turning SSO off, the per-IdP SCIM steps and the
/// test sign-in's result, rendered in each language: Portuguese (Brazil) and Indonesian in their words, the IdPs' own
/// menu names and the protocol's words (Entity ID, NameID, SAML) as they are, the counts with each language's grouping.
/// </summary>
public sealed class SsoConnectionInEachLanguageTests : ComponentTest
{
    private static readonly DateTimeOffset _checked = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly SamlConnectionDetails _okta = new("http://www.okta.com/exk1", "https://acme.okta.com/app/sso/saml", SamlAttributePreset.Okta,
        Enabled: true, AllowIdpInitiated: false, _checked, [Certificate(CertificateExpiry.Within7Days)]);

    private static SamlCertificateView Certificate(CertificateExpiry expiry) =>
        new("CN=okta", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 2048, "AB") { Expiry = expiry, Fingerprint = "AB:CD" };

    [Theory]
    [InlineData("en", "SSO connection (SAML)", "Sign in with this IdP", "Replace metadata", "Verify an email domain above before turning SSO on.",
        "1,204 people last signed in with too many groups", "In your IdP, create a SAML app with Entity ID urn:identityaccess:sp and reply (ACS) URL")]
    [InlineData("pt-BR", "Conexão SSO (SAML)", "Entrar com este IdP", "Substituir metadados", "Verifique um domínio de e-mail acima antes de ativar o SSO.",
        "1.204 pessoas entraram pela última vez com grupos demais", "No seu IdP, crie um aplicativo SAML com o Entity ID urn:identityaccess:sp e a URL de resposta (ACS URL)")]
    [InlineData("id", "Koneksi SSO (SAML)", "Masuk dengan IdP ini", "Ganti metadata", "Verifikasi domain email di atas sebelum mengaktifkan SSO.",
        "1.204 orang terakhir masuk dengan terlalu banyak grup", "Di IdP Anda, buat aplikasi SAML dengan Entity ID urn:identityaccess:sp dan URL balasan (ACS URL)")]
    public void SamlConnectionPanel_InTheLanguage(string culture, string heading, string switchLabel, string replace, string needsDomain, string overage, string intro)
    {
        using var language = Localizers.UiCulture(culture);

        var panel = Render<SamlConnectionPanel>(p => p
            .Add(c => c.View, new SamlConnectionView(_okta with { Enabled = false }, HasVerifiedDomain: false, PeopleWithGroupOverage: 1204))
            .Add(c => c.SpEntityId, "urn:identityaccess:sp")
            .Add(c => c.AcsUrl, "https://portal.example/saml/acs")
            .Add(c => c.MetadataUrl, "https://portal.example/saml/metadata"));

        Assert.Equal(heading, panel.Find("h2").TextContent.Trim());
        Assert.Contains(switchLabel, panel.Find("[data-testid='saml-connection']").TextContent, StringComparison.Ordinal);
        Assert.Equal(replace, panel.Find("button[data-testid='import-metadata']").TextContent.Trim());
        Assert.Equal(needsDomain, panel.Find("[data-testid='sso-needs-domain']").TextContent.Trim());
        Assert.StartsWith(overage, panel.Find("[data-testid='group-overage-warning']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(intro, Collapse(panel.Find("[data-testid='saml-connection'] p").TextContent), StringComparison.Ordinal);
        Assert.Equal("https://portal.example/saml/acs", panel.Find("[data-testid='sp-acs-url']").TextContent); // still code, still found
    }

    [Theory]
    [InlineData("en", "1 person last signed in")]
    [InlineData("pt-BR", "1 pessoa entrou pela última vez")]
    [InlineData("id", "1 orang terakhir masuk")]
    public void GroupOverage_One_InTheLanguagesSingular(string culture, string expected)
    {
        using var language = Localizers.UiCulture(culture);

        var panel = Render<SamlConnectionPanel>(p => p
            .Add(c => c.View, new SamlConnectionView(_okta, HasVerifiedDomain: true, PeopleWithGroupOverage: 1))
            .Add(c => c.ReadOnly, true));

        Assert.StartsWith(expected, panel.Find("[data-testid='group-overage-warning']").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Enabled", "CN=okta · expires 2027-01-01 · RSA 2048 bits", "ends within 7 days", "sign-in stops working", "Custom attribute names")]
    [InlineData("pt-BR", "Ativada", "CN=okta · expira em 2027-01-01 · RSA de 2048 bits", "termina em até 7 dias", "o login deixa de funcionar", "Nomes de atributo personalizados")]
    [InlineData("id", "Aktif", "CN=okta · berakhir 2027-01-01 · RSA 2048 bit", "berakhir dalam 7 hari", "proses masuk berhenti berfungsi", "Nama atribut kustom")]
    public void StatusCertificatesAndTheirWarning_InTheLanguage(string culture, string enabled, string certificate, string ends, string stops, string custom)
    {
        using var language = Localizers.UiCulture(culture);

        var status = Render<GlobalSsoStatus>(p => p.Add(c => c.ParentName, "Acme").Add(c => c.Saml, new SamlConnectionView(_okta, true)));
        var list = Render<IdpCertificateList>(p => p.Add(c => c.Certificates, _okta.Certificates));
        var warning = Render<IdpCertificateExpiryWarning>(p => p.Add(c => c.Connection, _okta));

        Assert.Equal(enabled, status.Find("[data-testid='sso-status']").TextContent.Trim());
        Assert.StartsWith(certificate, list.Find("[data-testid='idp-certificate']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(ends, list.Find("[data-testid='idp-certificate-expiry']").TextContent.Trim());
        Assert.Contains(stops, warning.Find("[data-testid='certificate-expiry-warning']").TextContent, StringComparison.Ordinal);
        Assert.Equal(custom, SamlConnectionLabels.Preset(Localizers.Portal(), SamlAttributePreset.Custom));
    }

    [Theory]
    [InlineData("en", "IdP metadata updates", "Refreshing has failed since 2026-12-05 14:30 UTC: HTTP 503", "Sign-in goes on with the metadata last fetched on 2026-12-05 09:30 UTC.",
        "Refresh now", "Last checked")]
    [InlineData("pt-BR", "Atualizações dos metadados do IdP", "A atualização falha desde 2026-12-05 14:30 UTC: HTTP 503",
        "O login continua com os metadados buscados por último em 2026-12-05 09:30 UTC.", "Atualizar agora", "Última verificação")]
    [InlineData("id", "Pembaruan metadata IdP", "Pembaruan gagal sejak 2026-12-05 14.30 UTC: HTTP 503",
        "Proses masuk tetap berjalan dengan metadata yang terakhir diambil pada 2026-12-05 09.30 UTC.", "Perbarui sekarang", "Terakhir diperiksa")]
    public void MetadataSourcePanel_InTheLanguage_WithItsTimes(string culture, string heading, string failing, string goesOn, string refresh, string lastChecked)
    {
        using var language = Localizers.UiCulture(culture);
        var source = new SamlMetadataSourceView("https://acme.okta.com/metadata", _checked, _checked, _checked.AddHours(24), LastError: "HTTP 503",
            FailingSince: _checked.AddHours(5), PausedAt: null);

        var panel = Render<MetadataSourcePanel>(p => p.Add(c => c.Connection, _okta with { Source = source }));

        Assert.Equal(heading, panel.Find("h3").TextContent.Trim());
        var alert = Collapse(panel.Find("[data-testid='metadata-refresh-failing']").TextContent);
        Assert.Contains(failing, alert, StringComparison.Ordinal);
        Assert.Contains(goesOn, alert, StringComparison.Ordinal);
        Assert.Equal(refresh, panel.Find("button[data-testid='metadata-refresh-now']").TextContent.Trim());
        Assert.Contains(panel.FindAll("th"), th => th.TextContent.Trim() == lastChecked);
    }

    [Theory]
    [InlineData("en", "Email attribute", "Groups arrive as names")]
    [InlineData("pt-BR", "Atributo de e-mail", "Os grupos chegam como nomes")]
    [InlineData("id", "Atribut email", "Grup dikirim sebagai nama")]
    public void CustomAttributeFields_InTheLanguage(string culture, string email, string asNames)
    {
        using var language = Localizers.UiCulture(culture);

        var fields = Render<SamlCustomAttributeFields>(p => p.Add(c => c.Value, SamlAttributePresets.Names(SamlAttributePreset.Custom)));

        Assert.Contains(fields.FindAll("label"), label => label.TextContent.Trim() == email);
        Assert.Contains(asNames, fields.Find("[data-testid='groups-format']").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "People who sign in through your IdP today: 1,204.", "Acme Chat uses Just in time (JIT)", "Keep SSO on", "Turn SSO off", "1,204")]
    [InlineData("pt-BR", "Pessoas que entram pelo seu IdP hoje: 1.204.", "Acme Chat usa Just in time (JIT)", "Manter o SSO ativado", "Desativar o SSO", "1.204")]
    [InlineData("id", "Orang yang masuk melalui IdP Anda saat ini: 1.204.", "Acme Chat menggunakan Just in time (JIT)", "Biarkan SSO tetap aktif", "Nonaktifkan SSO", "1.204")]
    public async Task SsoDisableDialog_InTheLanguage_ConfirmedByTheCountAsShown(string culture, string people, string jit, string keep, string turnOff, string typed)
    {
        using var language = Localizers.UiCulture(culture);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();

        var dialog = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<SsoDisableDialog>("",
            new DialogParameters<SsoDisableDialog> { { d => d.Impact, new SsoDisableImpact(1204, ["Acme Chat"]) } }));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid='confirm-sso-disable']")));

        var impact = Collapse(dialogs.Find("[data-testid='sso-disable-impact']").TextContent);
        Assert.Contains(people, impact, StringComparison.Ordinal);
        Assert.Contains(jit, impact, StringComparison.Ordinal);
        Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == keep);
        Assert.Equal(turnOff, dialogs.Find("button[data-testid='confirm-sso-disable']").TextContent.Trim());

        dialogs.Find("input[data-testid='sso-disable-typed'], [data-testid='sso-disable-typed'] input").Input(typed);
        dialogs.Find("button[data-testid='confirm-sso-disable']").Click();
        var result = await dialog.Result;
        Assert.Equal(1204, result!.Data as int?);
    }

    [Theory]
    [InlineData("en", "Where to paste these in your identity provider", "Enterprise applications → your app → Provisioning")]
    [InlineData("pt-BR", "Onde colar estes valores no seu provedor de identidade", "Enterprise applications → seu aplicativo → Provisioning")]
    [InlineData("id", "Tempat menempelkan nilai ini di penyedia identitas Anda", "Enterprise applications → aplikasi Anda → Provisioning")]
    public void ScimIdpSteps_InTheLanguage_WithTheIdpsOwnMenuNames(string culture, string title, string entra)
    {
        using var language = Localizers.UiCulture(culture);

        var steps = Render<ScimIdpSteps>();
        Assert.Contains(title, steps.Markup, StringComparison.Ordinal);
        steps.Find(".mud-expand-panel-header").Click();

        steps.WaitForAssertion(() => Assert.Contains(entra, steps.Markup, StringComparison.Ordinal));
        Assert.Contains("<i>Tenant URL</i>", steps.Markup, StringComparison.Ordinal);
        Assert.Contains("<i>Test Connector Configuration</i>", steps.Markup, StringComparison.Ordinal);
        Assert.Contains("Just in time (JIT)", steps.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Passed", "Failed", "Not run", "the ones marked \"Not run\" were not tried")]
    [InlineData("pt-BR", "Aprovada", "Reprovada", "Não executada", "as marcadas como \"Não executada\" não foram tentadas")]
    [InlineData("id", "Lolos", "Gagal", "Tidak dijalankan", "yang ditandai \"Tidak dijalankan\" tidak dicoba")]
    public void TestSignInChecks_VerdictsInTheLanguage_CheckNamesAsTheValidatorGivesThem(string culture, string passed, string failed, string notRun, string stopped)
    {
        using var language = Localizers.UiCulture(culture);

        var table = Render<SamlTestChecksTable>(p => p.Add(c => c.Checks,
        [
            new SamlTestCheck("Well-formed response", SamlTestCheckStatus.Passed),
            new SamlTestCheck("Signed with the IdP's certificate", SamlTestCheckStatus.Failed, "does not verify"),
            new SamlTestCheck("Audience", SamlTestCheckStatus.NotRun),
        ]));

        var verdicts = table.FindAll("[data-testid='test-check'] td:last-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([passed, failed, notRun], verdicts);
        Assert.Contains(stopped, table.Find("[data-testid='test-checks-stopped']").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "What the IdP sent", "(none)", "None sent.", "What a sign-in would do now", "Would be", "Premium seat", "Not a member")]
    [InlineData("pt-BR", "O que o IdP enviou", "(nenhum)", "Nenhum enviado.", "O que um login faria agora", "Ficaria como", "assento Premium", "Não é membro")]
    [InlineData("id", "Apa yang dikirim IdP", "(tidak ada)", "Tidak ada yang dikirim.", "Apa yang akan dilakukan proses masuk sekarang", "Akan menjadi", "kursi Premium", "Bukan anggota")]
    public void TestSignInResult_WhatWasSentAndWhatItWouldDo_InTheLanguage(string culture, string sent, string none, string noGroups, string wouldDo, string wouldBe,
        string seat, string notMember)
    {
        using var language = Localizers.UiCulture(culture);
        var result = new SamlTestResult(IsDraft: false, "http://www.okta.com/exk1", [], Problem: null, NameId: "okta-carol", NameIdFormat: null, [],
            new SamlTestIdentity("okta-carol", "carol@acme.test", null, [], GroupsOverage: false), WouldDo: null);
        var would = new SamlTestWouldDo("Carol Chen", WouldSignIn: true, "Would sign in.",
        [
            new SamlTestOrganization("Acme Chat", ProvisioningMode.Jit, true, Role.User, SeatTier.Premium, MembershipStatus.Active, []),
            new SamlTestOrganization("Acme Labs", ProvisioningMode.Manual, false, null, null, null, []),
        ]);

        var received = Render<SamlTestReceived>(p => p.Add(c => c.Result, result));
        var view = Render<SamlTestWouldDoView>(p => p.Add(c => c.WouldDo, would));

        Assert.Equal(sent, received.Find("h2").TextContent.Trim());
        Assert.Equal(none, received.Find("[data-testid='test-nameid-format']").TextContent.Trim());
        Assert.Equal(noGroups, received.Find("[data-testid='test-groups']").TextContent.Trim());
        Assert.Equal(wouldDo, view.Find("h2").TextContent.Trim());
        Assert.Contains(view.FindAll("th"), th => th.TextContent.Trim() == wouldBe);
        var outcomes = view.FindAll("[data-testid='test-organization-outcome']").Select(td => td.TextContent.Trim()).ToList();
        Assert.StartsWith($"User · {seat} · ", outcomes[0], StringComparison.Ordinal);
        Assert.Equal(notMember, outcomes[1]);
        Assert.Contains(view.FindAll("td"), td => td.TextContent.Trim() == "Just in time (JIT)"); // the mode's name, English in every edition
    }

    private static string Collapse(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
