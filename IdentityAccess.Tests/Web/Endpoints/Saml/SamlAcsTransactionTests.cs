using System.Net;
using System.Xml;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// The ACS's one transaction (state, replay entry, link, JIT, audit): what stays consumed when the sign-in fails after
/// validation, one state under concurrent posts, and settings saved just before a sign-in taking effect at once.
/// </summary>
public abstract class SamlAcsTransactionTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task SignInFailingOnTheServerAfterValidation_KeepsTheStateAndTheReplayEntryConsumed_AndWritesNothingElse()
    {
        await RefuseInsertsAsync("SamlIdentityLinks", true);
        var login = await StartAsync("/");
        var response = Response(login.RequestId, "carol@acme.test");

        var failed = await PostAcsAsync(login, response);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Assert.NotNull((await db.SamlLoginStates.SingleAsync(s => s.Key == login.RelayState)).UsedAt);
            Assert.Equal(0, await db.SamlIdentityLinks.CountAsync());
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "sso.identity-linked" || e.Action == "sso.signed-in"));
        }

        // The assertion is remembered: the validator's replay check refuses it from now on.
        var replayCache = Factory.Services.GetRequiredService<DatabaseSamlReplayCache>();
        Assert.False(await replayCache.TryRememberAsync(AssertionIdOf(response), DateTimeOffset.UtcNow.AddHours(1)));

        await RefuseInsertsAsync("SamlIdentityLinks", false);
        var again = await PostAcsAsync(login, response);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This sign-in has expired", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionCookieOrNull(again));
    }

    [Fact]
    public async Task RefusedResponse_CommitsTheConsumedStateWithItsAuditEntry()
    {
        var login = await StartAsync("/");
        var forged = new SamlResponseSigner(SamlTestKeys.Attacker).CreateBase64(Content(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAcsAsync(login, forged)).StatusCode);
        var genuine = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, genuine.StatusCode); // the state went with the refused attempt
        await using var db = await Factory.CreateDbContextAsync();
        Assert.NotNull((await db.SamlLoginStates.SingleAsync(s => s.Key == login.RelayState)).UsedAt);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "sso.sign-in-refused"));
        Assert.Equal(0, await db.SamlIdentityLinks.CountAsync());
    }

    [Fact]
    public async Task OneLoginPostedFourTimesAtOnce_SignsInExactlyOnce()
    {
        var login = await StartAsync("/");
        var response = Response(login.RequestId, "carol@acme.test");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAcsAsync(login, response)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect && SessionCookieOrNull(a) is not null);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest && SessionCookieOrNull(a) is null));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.SamlIdentityLinks.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "sso.signed-in"));
    }

    [Fact]
    public async Task CertificateReplacedBySave_OldKeyIsRefusedOnTheVeryNextSignIn_NewKeyAccepted()
    {
        var warm = await StartAsync("/"); // the old certificate is parsed and kept by a successful sign-in first
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(warm, Response(warm.RequestId, "carol@acme.test"))).StatusCode);
        var connections = Factory.Services.GetRequiredService<SamlConnectionService>();
        Assert.Null(await connections.ImportMetadataAsync(AcmeParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)),
            SamlAttributePreset.Okta, Demo.Person("alice@acme.test")));

        var old = await StartAsync("/");
        var oldKey = await PostAcsAsync(old, Response(old.RequestId, "carol@acme.test"));
        var next = await StartAsync("/");
        var newKey = await PostAcsAsync(next, new SamlResponseSigner(SamlTestKeys.IdpNext).CreateBase64(Content(next.RequestId, "carol@acme.test")));

        Assert.Equal(HttpStatusCode.BadRequest, oldKey.StatusCode);
        Assert.Null(SessionCookieOrNull(oldKey));
        Assert.Equal(HttpStatusCode.Redirect, newKey.StatusCode);
    }

    [Fact]
    public async Task SsoTurnedOffBetweenStartAndAcs_RefusesTheSignIn()
    {
        var login = await StartAsync("/");
        var connections = Factory.Services.GetRequiredService<SamlConnectionService>();
        Assert.Null(await connections.SetEnabledForParentAsync(AcmeParent, false, AuditActor.System("test")));

        var acs = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
    }

    private static SamlResponseContent Content(string requestId, string email) => new()
    {
        Issuer = IdpMetadataSamples.OktaEntityId,
        NameId = "okta-carol",
        Audience = "urn:identityaccess:sp",
        Destination = Acs,
        InResponseTo = requestId,
        IssueInstant = DateTimeOffset.UtcNow,
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = [email] },
    };

    private static string AssertionIdOf(string samlResponse)
    {
        var document = new XmlDocument { XmlResolver = null };
        document.LoadXml(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse)));
        return ((XmlElement)document.GetElementsByTagName("Assertion", SamlNames.Assertion)[0]!).GetAttribute("ID");
    }
}

public sealed class SqliteSamlAcsTransactionTests() : SamlAcsTransactionTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlAcsTransactionTests() : SamlAcsTransactionTests(new PostgresPortalFixture());
