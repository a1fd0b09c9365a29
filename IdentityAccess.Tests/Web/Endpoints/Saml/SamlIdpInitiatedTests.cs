using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// IdP-initiated sign-in through the real ACS: a Response no login of this browser asked for (a dashboard tile), posted
/// without a state cookie. Off by default; on, it must be fresh, used once, unbound to any request, and its RelayState
/// lands only on the portal's own pages.
/// </summary>
public abstract class SamlIdpInitiatedTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    private static readonly Login _noLogin = new("", "", null, "");

    private IdpInitiatedSignInSetting Setting => Factory.Services.GetRequiredService<IdpInitiatedSignInSetting>();

    private Guid Alice => Demo.Person("alice@acme.test");

    /// <summary>Carol's Response as an IdP dashboard sends it: no InResponseTo, issued <paramref name="age"/> ago.</summary>
    private static string Unsolicited(TimeSpan age = default, string? inResponseTo = null) =>
        new SamlResponseSigner(SamlTestKeys.Idp).CreateBase64(new SamlResponseContent
        {
            Issuer = IdpMetadataSamples.OktaEntityId,
            NameId = "okta-carol",
            Audience = "urn:identityaccess:sp",
            Destination = Acs,
            InResponseTo = inResponseTo,
            IssueInstant = DateTimeOffset.UtcNow - age,
            Lifetime = TimeSpan.FromHours(1), // still inside its validity window: only the maximum age can refuse it
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["carol@acme.test"], ["displayName"] = ["Carol"] },
        });

    private Task<HttpResponseMessage> PostUnsolicitedAsync(string samlResponse, string relayState = "") =>
        PostAcsAsync(_noLogin with { RelayState = relayState }, samlResponse);

    private async Task<string?> RefusalDetailAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.Action == "sso.sign-in-refused").Select(e => e.After).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task Off_ByDefault_UnsolicitedResponseRefusedAsWithoutALogin()
    {
        var acs = await PostUnsolicitedAsync(Unsolicited(), "/orgs");

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Contains("This sign-in has expired", await acs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionCookieOrNull(acs));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.SamlReplayEntries.CountAsync());
    }

    [Fact]
    public async Task On_FreshUnsolicitedResponse_SignsInAndLandsOnTheLocalRelayState()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));
        var landing = "/orgs/" + Demo.AcmeChat + "/members";

        var acs = await PostUnsolicitedAsync(Unsolicited(), landing);

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(landing, acs.Headers.Location!.OriginalString);
        using var json = JsonDocument.Parse(await (await GetMeAsync(SessionCookie(acs))).Content.ReadAsStringAsync());
        Assert.Equal("carol@acme.test", json.RootElement.GetProperty("email").GetString());
        await using var db = await Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.signed-in"));
    }

    [Fact]
    public async Task On_ThenOffAgain_UnsolicitedResponseRefused()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));
        Assert.Null(await Setting.SetAsync(AcmeParent, false, Alice));

        var acs = await PostUnsolicitedAsync(Unsolicited());

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
    }

    [Fact]
    public async Task On_SameUnsolicitedResponsePostedTwice_SecondRefusedAsReplay()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));
        var response = Unsolicited();
        Assert.Equal(HttpStatusCode.Redirect, (await PostUnsolicitedAsync(response)).StatusCode);

        var replay = await PostUnsolicitedAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Null(SessionCookieOrNull(replay));
        Assert.Contains("Replayed", await RefusalDetailAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_ReplayEntry_OutlivesTheMaximumAge()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));
        Assert.Equal(HttpStatusCode.Redirect, (await PostUnsolicitedAsync(Unsolicited())).StatusCode);

        await using var db = await Factory.CreateDbContextAsync();
        var entry = await db.SamlReplayEntries.SingleAsync();
        Assert.True(entry.ExpiresAt >= DateTimeOffset.UtcNow + SamlValidationContext.DefaultUnsolicitedMaxAge - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task On_ResponseOlderThanTheMaximumAge_RefusedThoughStillInItsValidityWindow()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));

        var acs = await PostUnsolicitedAsync(Unsolicited(age: TimeSpan.FromMinutes(10)));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
        Assert.Contains(nameof(SamlFailureReason.UnsolicitedTooOld), await RefusalDetailAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_InResponseToAnUnknownRequest_RefusedNotDowngradedToUnsolicited()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));

        var acs = await PostUnsolicitedAsync(Unsolicited(inResponseTo: "_a-request-nobody-sent"));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
        Assert.Contains(nameof(SamlFailureReason.InResponseToMismatch), await RefusalDetailAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_InResponseToAConsumedLogin_RefusedEvenWithItsStateAndCookie()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));
        var login = await StartAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"))).StatusCode);

        var again = await PostAcsAsync(login, Unsolicited(inResponseTo: login.RequestId));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Null(SessionCookieOrNull(again));
        Assert.Contains(nameof(SamlFailureReason.InResponseToMismatch), await RefusalDetailAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("%2F%2Fevil.example/")]
    [InlineData("/%2F/evil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("evil.example")]
    [InlineData("/redirect?to=https://evil.example")]
    public async Task On_RelayStateThatIsNotALocalPath_LandsOnTheDefaultPage(string relayState)
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));

        var acs = await PostUnsolicitedAsync(Unsolicited(), relayState);

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(IdpInitiatedRelayState.DefaultLandingPage, acs.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("bob@acme.test", RefusalCategory.NotAllowed)]   // made Owner of Acme's chat organization below, still no parent admin
    [InlineData("carol@acme.test", RefusalCategory.NotAllowed)]
    [InlineData("grace@globex.test", RefusalCategory.NotFound)] // another parent's admin
    public async Task Setting_ByAnyoneButAParentAdmin_RefusedAndUnchanged(string email, RefusalCategory expected)
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var bob = Demo.Person("bob@acme.test");
            await db.Memberships.Where(m => m.PersonId == bob && m.OrganizationId == Demo.AcmeChat)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, IdentityAccess.Core.Roles.Role.Owner));
        }

        var refused = await Setting.SetAsync(AcmeParent, true, Demo.Person(email));

        Assert.Equal(expected, refused?.Category);
        await using var check = await Factory.CreateDbContextAsync();
        Assert.False(await check.SamlConnections.Where(c => c.ParentOrganizationId == AcmeParent).Select(c => c.AllowIdpInitiated).SingleAsync());
        Assert.False(await check.AuditEvents.AnyAsync(e => e.Action.StartsWith("sso.idp-initiated")));
    }

    [Fact]
    public async Task Setting_ByTheParentAdmin_ChangedAndAudited()
    {
        Assert.Null(await Setting.SetAsync(AcmeParent, true, Alice));

        await using var db = await Factory.CreateDbContextAsync();
        Assert.True(await db.SamlConnections.Where(c => c.ParentOrganizationId == AcmeParent).Select(c => c.AllowIdpInitiated).SingleAsync());
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "sso.idp-initiated-allowed");
        Assert.Equal(Alice, audit.ActorPersonId);
    }
}

public sealed class SqliteSamlIdpInitiatedTests() : SamlIdpInitiatedTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlIdpInitiatedTests() : SamlIdpInitiatedTests(new PostgresPortalFixture());
