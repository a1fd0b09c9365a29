using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class DomainsPanelTests : ComponentTest
{
    private static readonly DomainView _pending = new(Guid.NewGuid(), "contoso.com", DomainStatus.Pending, "identityaccess-domain-verification=abc", null,
        DateTimeOffset.UnixEpoch, "No TXT record at contoso.com yet.");

    private static readonly DomainView _verified = new(Guid.NewGuid(), "acme.test", DomainStatus.Verified, "identityaccess-domain-verification=def",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "TXT record found.");

    private IRenderedComponent<DomainsPanel> RenderPanel(Func<Guid, Task<Error?>>? verify = null, Func<string, Task<Error?>>? add = null) =>
        Render<DomainsPanel>(p => p
            .Add(c => c.Domains, [_verified, _pending])
            .Add(c => c.OnAdd, add ?? (_ => Task.FromResult<Error?>(null)))
            .Add(c => c.OnVerify, verify ?? (_ => Task.FromResult<Error?>(null)))
            .Add(c => c.OnRemove, _ => Task.FromResult<Error?>(null)));

    [Fact]
    public void Each_domain_shows_its_status_and_the_TXT_record_to_publish_and_only_pending_ones_offer_Verify()
    {
        var panel = RenderPanel();

        var pending = panel.Find("tr[data-domain='contoso.com']");
        Assert.Contains("Pending", pending.TextContent);
        Assert.Contains("identityaccess-domain-verification=abc", pending.TextContent);
        Assert.Contains("No TXT record at contoso.com yet.", pending.TextContent);
        Assert.NotNull(pending.QuerySelector("button[aria-label='Verify contoso.com']"));
        Assert.Null(panel.Find("tr[data-domain='acme.test']").QuerySelector("button[aria-label='Verify acme.test']"));
    }

    [Fact]
    public void A_failed_verification_is_shown_in_words()
    {
        Guid? asked = null;
        var panel = RenderPanel(verify: id =>
        {
            asked = id;
            return Task.FromResult<Error?>(new ValidationFailed("domain", ValidationRule.DomainTxtRecordDifferent, 1, "contoso.com", "identityaccess-domain-verification=abc"));
        });

        panel.Find("button[aria-label='Verify contoso.com']").Click();

        Assert.Equal(_pending.Id, asked);
        panel.WaitForAssertion(() => Assert.Contains("none with the value", panel.Find("[data-testid=domain-error]").TextContent));
    }

    [Fact]
    public void Add_sends_what_was_typed()
    {
        string? added = null;
        var panel = RenderPanel(add: domain =>
        {
            added = domain;
            return Task.FromResult<Error?>(null);
        });

        panel.Find("input").Input("fabrikam.com");
        panel.Find("[data-testid=add-domain]").Click();

        Assert.Equal("fabrikam.com", added);
    }

    [Theory]
    [InlineData("en", "No TXT record at contoso.com yet. DNS changes can take a while to appear.", "The domain fabrikam.com does not exist in DNS.")]
    [InlineData("pt-BR", "Ainda não há registro TXT em contoso.com. Alterações de DNS podem demorar um pouco para aparecer.", "O domínio fabrikam.com não existe no DNS.")]
    [InlineData("id", "Belum ada record TXT di contoso.com. Perubahan DNS dapat memerlukan waktu untuk muncul.", "Domain fabrikam.com tidak ada di DNS.")]
    public void TheLastCheck_AndAFailedLookup_InTheReadersLanguage(string culture, string missing, string doesNotExist)
    {
        using var language = Localizers.UiCulture(culture);
        var coded = _pending with { LastCheckResult = DomainCheckResult.Of(DomainCheckCode.TxtRecordMissing, "contoso.com").Write() };
        var lookupFailed = DomainCheckResult.Of(DomainCheckCode.DomainDoesNotExist, "fabrikam.com");
        var panel = Render<DomainsPanel>(p => p
            .Add(c => c.Domains, [_verified, coded])
            .Add(c => c.OnAdd, _ => Task.FromResult<Error?>(null))
            .Add(c => c.OnVerify, _ => Task.FromResult<Error?>(new ValidationFailed("domain", ValidationRule.DomainLookupFailed, lookupFailed)))
            .Add(c => c.OnRemove, _ => Task.FromResult<Error?>(null)));

        Assert.Equal(missing, panel.Find("tr[data-domain='contoso.com'] [data-testid=domain-check]").TextContent);

        panel.Find("tr[data-domain='contoso.com'] button").Click();

        panel.WaitForAssertion(() => Assert.Equal(doesNotExist, panel.Find("[data-testid=domain-error]").TextContent.Trim()));
    }

    [Fact]
    public void ADomainCheckedBeforeTheCodes_ShowsItsSentenceAsStored()
    {
        using var language = Localizers.UiCulture("pt-BR");

        var panel = RenderPanel();

        Assert.Equal("No TXT record at contoso.com yet.", panel.Find("tr[data-domain='contoso.com'] [data-testid=domain-check]").TextContent);
    }
}
