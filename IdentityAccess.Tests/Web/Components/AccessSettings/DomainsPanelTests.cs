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
}
