using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using System.Xml;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// SP-initiated sign-in through the real app and cookie session: the Acme parent's Okta-like IdP is imported and
/// turned on; the helpers start a login, sign the IdP's Response for the request the app sent (with
/// <see cref="SamlResponseSigner"/>), post it to the ACS and call <c>/api/me</c>.
/// </summary>
public abstract partial class SamlSignInTestBase(PortalFixture portal) : IAsyncLifetime
{
    protected static Uri Acs { get; } = new("http://localhost/saml/acs");

    protected IdentityAccessWebFactory Factory => portal.Factory;

    protected DemoData Demo => portal.Demo;

    protected Guid AcmeParent { get; private set; }

    public async Task InitializeAsync()
    {
        portal.UseTestAuth = false; // the app's own cookie session, as a browser signing in gets
        await portal.InitializeAsync();
        await using var db = await Factory.CreateDbContextAsync();
        AcmeParent = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        var connections = Factory.Services.GetRequiredService<SamlConnectionService>();
        var alice = new AuditActor(Demo.Person("alice@acme.test"), "Alice");
        // This Okta sends group ids (an Okta expression can), which the tests map directly; GroupNameSignInTests covers names.
        Assert.Null(await connections.ImportMetadataAsync(AcmeParent, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)),
            SamlAttributePreset.Okta, alice.PersonId!.Value, OktaWithGroupIds));
        Assert.Null(await connections.SetEnabledAsync(AcmeParent, true, alice.PersonId.Value));
    }

    protected const string Engineering = "00g-engineering";
    protected const string Staff = "00g-staff";

    protected static SamlCustomAttributes OktaWithGroupIds { get; } =
        SamlAttributePresets.Names(SamlAttributePreset.Okta) with { GroupsFormat = SamlGroupsFormat.Ids };

    public Task DisposeAsync() => portal.DisposeAsync();

    protected sealed record Login(string RequestId, string RelayState, string? Nonce, string SetCookie);

    protected HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <param name="parent">Acme's parent unless said otherwise.</param>
    protected async Task<Login> StartAsync(string returnUrl, Guid? parent = null)
    {
        var start = await Client().GetAsync($"/sso/{parent ?? AcmeParent}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var query = HttpUtility.ParseQueryString(start.Headers.Location!.Query);
        var setCookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ia.saml=", StringComparison.Ordinal));
        var nonce = setCookie["ia.saml=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)];
        return new Login(RequestIdOf(query["SAMLRequest"]!), query["RelayState"]!, nonce, setCookie);
    }

    protected static string RequestIdOf(string samlRequest)
    {
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(samlRequest)), CompressionMode.Decompress);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(inflate);
        return document.DocumentElement!.GetAttribute("ID");
    }

    protected static string Response(string requestId, string email) =>
        Response(requestId, email, email.StartsWith("carol", StringComparison.Ordinal) ? "okta-carol" : "okta-" + email, []);

    /// <summary>An Okta-shaped Response: persistent subject, email, display name and the multi-valued <c>groups</c> attribute.</summary>
    protected static string Response(string requestId, string email, string subject, string[] groups, string displayName = "From the IdP") =>
        new SamlResponseSigner(SamlTestKeys.Idp).CreateBase64(Content(requestId, email, subject, groups, displayName));

    /// <summary>Carol's Response signed by a key the IdP's metadata does not hold: refused as <c>ResponseRejected</c>.</summary>
    protected static string ForgedResponse(string requestId) =>
        new SamlResponseSigner(SamlTestKeys.Attacker).CreateBase64(Content(requestId, "carol@acme.test", "okta-carol", []));

    private static SamlResponseContent Content(string requestId, string email, string subject, string[] groups, string displayName = "From the IdP") => new()
    {
        Issuer = IdpMetadataSamples.OktaEntityId,
        NameId = subject,
        Audience = "urn:identityaccess:sp",
        Destination = Acs,
        InResponseTo = requestId,
        IssueInstant = DateTimeOffset.UtcNow,
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = [email], ["displayName"] = [displayName], ["groups"] = groups },
    };

    /// <summary>Acme's SSO rows of the provisioning log, oldest first, once the log's queue has been written.</summary>
    protected async Task<List<ProvisioningLogEntry>> SsoLogAsync()
    {
        await Factory.Services.FlushProvisioningLogAsync();
        await using var db = await Factory.CreateDbContextAsync();
        return await db.ProvisioningLog.AsNoTracking().Where(e => e.ParentOrganizationId == AcmeParent && e.Channel == ProvisioningLogChannel.Sso)
            .OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Starts a login, posts the IdP's Response for it, and returns the ACS's answer.</summary>
    protected async Task<HttpResponseMessage> SignInAsync(string email, string subject, params string[] groups)
    {
        var login = await StartAsync("/");
        return await PostAcsAsync(login, Response(login.RequestId, email, subject, groups));
    }

    protected async Task<HttpResponseMessage> PostAcsAsync(Login login, string samlResponse, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/saml/acs")
        {
            Content = Form(("SAMLResponse", samlResponse), ("RelayState", login.RelayState)),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (login.Nonce is not null)
        {
            request.Headers.Add("Cookie", "ia.saml=" + login.Nonce);
        }

        return await Client().SendAsync(request);
    }

    protected async Task<HttpResponseMessage> GetMeAsync(string? sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (sessionCookie is not null)
        {
            request.Headers.Add("Cookie", sessionCookie);
        }

        return await Client().SendAsync(request);
    }

    protected static string SessionCookie(HttpResponseMessage response) => SessionCookieOrNull(response) ?? throw new InvalidOperationException("No session cookie.");

    protected static string? SessionCookieOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("ia.session", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]).FirstOrDefault()
            : null;

    /// <summary>Acme's chat organization provisions just in time: Engineering gives Admin, Staff <paramref name="staffRole"/>.</summary>
    protected async Task SaveJitAsync(Role staffRole)
    {
        var alice = Demo.Person("alice@acme.test");
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var view = await settings.GetAsync(Demo.AcmeChat, alice);
        var draft = new ProvisioningDraft(ProvisioningMode.Jit, true,
            [
                new RoleMapping(Engineering, Role.Admin), new RoleMapping(Staff, staffRole),
                // The demo directory's own groups keep Acme's members where they are, so the save guard has no lockout to refuse.
                new RoleMapping(AcmeDirectorySync.Owners, Role.Owner), new RoleMapping(AcmeDirectorySync.Admins, Role.Admin), new RoleMapping(AcmeDirectorySync.Users, Role.User),
            ],
            [], null, view!.Saved.BaseVersion);
        var saved = await settings.SaveAsync(Demo.AcmeChat, draft, alice, typedConfirmation: null);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    /// <summary>
    /// A failure the sign-in cannot see coming: the database refuses every insert into <paramref name="table"/> until
    /// called again with <paramref name="refuse"/> false.
    /// </summary>
    protected async Task RefuseInsertsAsync(string table, bool refuse)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var sql = (db.Database.IsNpgsql(), refuse) switch
        {
            (true, true) => $"""
                CREATE FUNCTION ia_test_refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''injected failure''; END';
                CREATE TRIGGER ia_test_refuse BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION ia_test_refuse();
                """,
            (true, false) => $"""DROP TRIGGER ia_test_refuse ON "{table}"; DROP FUNCTION ia_test_refuse();""",
            (false, true) => $"""CREATE TRIGGER ia_test_refuse BEFORE INSERT ON "{table}" BEGIN SELECT RAISE(ABORT, 'injected failure'); END;""",
            (false, false) => "DROP TRIGGER ia_test_refuse;",
        };
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    protected static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("""data-testid="sso-email-step".*?name="__RequestVerificationToken" value="(?<token>[^"]+)""", RegexOptions.Singleline)]
    protected static partial Regex AntiforgeryToken();
}
