using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// The guide's end-to-end script (<c>docs/guide/examples/from-nothing.sh</c>), run as it is with bash, curl and jq against
/// the app on Kestrel: from a parent with one admin, its key and nothing else, to an organization in directory sync
/// whose people the IdP pushed, with their roles and tiers from its groups, and every change audited with the key. The
/// test plays the customer's other parts: it publishes the TXT record the script asks for (a DNS server of its own),
/// and pushes users and groups through SCIM with the token the script printed, as the IdP would.
/// </summary>
public abstract class FromNothingScriptTests(ApiDnsKestrelPortal portal)
{
    private static string Script => Path.Combine(RepositoryRoot.Path, "docs", "guide", "examples", "from-nothing.sh");

    [Fact]
    public async Task TheGuidesScript_ConfiguresAnOrganizationFromNothing_ThroughTheApiAlone()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var domain = $"from-nothing-{n}.test";
        var (parentId, admin) = await ParentWithAnAdminAsync(n, domain);
        var key = await portal.CreateKeyAsync(parentId, admin, ApiKeyScope.ReadWrite);
        var metadata = Path.Combine(Path.GetTempPath(), $"idp-{n}.xml");
        await File.WriteAllTextAsync(metadata, IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)));
        var environment = new Dictionary<string, string>
        {
            ["IA"] = portal.KeyClient(null).BaseAddress!.ToString().TrimEnd('/'),
            ["IA_KEY"] = key.Token,
            ["ORG_NAME"] = $"From Nothing {n}",
            ["DOMAIN"] = domain,
            ["IDP_METADATA"] = metadata,
            ["PREMIUM_SEATS"] = "2",
            ["STANDARD_SEATS"] = "5",
            ["VERIFY_EVERY"] = "0.2",
            ["VERIFY_ATTEMPTS"] = "150",
        };

        // The person at the DNS console: publishes the record once the script has asked for it.
        using var publishing = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var publisher = PublishWhenAskedAsync(key.Token, domain, publishing.Token);
        var setup = await RunAsync(environment, "setup");
        await publisher;

        Assert.True(setup.ExitCode == 0, setup.Error);
        Assert.Contains("Publish this TXT record", setup.Error, StringComparison.Ordinal);
        var printed = JsonDocument.Parse(setup.Output).RootElement;
        var organizationId = printed.GetProperty("organizationId").GetGuid();

        // The IdP's first push, with the token the script printed.
        var scim = portal.KeyClient(printed.GetProperty("scimToken").GetString());
        // Carol first: without mappings yet, each is given the highest tier with a free seat, and the second Premium seat is hers.
        var carol = await PushUserAsync(scim, $"carol@{domain}", "Carol Cruz");
        var bob = await PushUserAsync(scim, $"bob@{domain}", "Bob Brown");
        var dave = await PushUserAsync(scim, $"dave@{domain}", "Dave Diaz");
        await PushGroupAsync(scim, "Admins", bob);
        await PushGroupAsync(scim, "Staff", bob, carol, dave);
        await PushGroupAsync(scim, "Premium seats", carol);

        environment["ORG_ID"] = organizationId.ToString();
        environment["ADMINS_GROUP"] = "Admins";
        environment["USERS_GROUP"] = "Staff";
        environment["PREMIUM_GROUP"] = "Premium seats";
        var mapped = await RunAsync(environment, "provision");

        Assert.True(mapped.ExitCode == 0, mapped.Error);
        Assert.Equal(organizationId, JsonDocument.Parse(mapped.Output).RootElement.GetProperty("organizationId").GetGuid());
        await using var db = await portal.Factory.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
        Assert.Equal((parentId, ProvisioningMode.Scim, OrganizationPlan.Enterprise), (organization.ParentOrganizationId, organization.ProvisioningMode, organization.Plan));
        Assert.True(await db.VerifiedDomains.AnyAsync(d => d.ParentOrganizationId == parentId && d.Domain == domain && d.Status == DomainStatus.Verified));
        Assert.True((await db.SamlConnections.SingleAsync(c => c.ParentOrganizationId == parentId)).Enabled);
        var members = await db.Memberships.Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.Active)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { p.Email, m.Role, m.SeatTier }).ToListAsync();
        Assert.Equal(
            [($"admin@{domain}", Role.Owner, (SeatTier?)SeatTier.Premium), ($"bob@{domain}", Role.Admin, SeatTier.Standard),
             ($"carol@{domain}", Role.User, SeatTier.Premium), ($"dave@{domain}", Role.User, SeatTier.Standard)],
            members.OrderBy(m => m.Email, StringComparer.Ordinal).Select(m => (m.Email, m.Role, m.SeatTier)));
        // Every change the key made is audited as its creator through the key, the organization's and the parent's alike.
        // (The key itself was made on the parent page, before the script.)
        var byTheKey = await db.AuditEvents.Where(e => e.ParentOrganizationId == parentId && e.ActorPersonId == admin && e.Action != "api.key_created").ToListAsync();
        Assert.Superset(new HashSet<string> { "domain.added", "domain.verified", "scim.token_created" }, byTheKey.Select(e => e.Action).ToHashSet());
        Assert.All(byTheKey, e => Assert.Equal($"{key.Name} ({key.Prefix})", e.ViaApiKey));
    }

    private async Task PublishWhenAskedAsync(string token, string domain, CancellationToken cancellationToken)
    {
        var client = portal.KeyClient(token);
        while (true)
        {
            await Task.Delay(100, cancellationToken);
            var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/domains", cancellationToken);
            foreach (var item in listed.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("name").GetString() == domain))
            {
                var record = item.GetProperty("txtRecord");
                await portal.PublishAsync(record.GetProperty("name").GetString()!, record.GetProperty("value").GetString()!);
                return;
            }
        }
    }

    private async Task<(Guid ParentId, Guid Admin)> ParentWithAnAdminAsync(string n, string domain)
    {
        var now = DateTimeOffset.UtcNow;
        var parent = new ParentOrganization { Name = $"From Nothing {n} Corporation", Plan = ParentPlan.Enterprise, CreatedAt = now };
        var admin = Person.Create($"admin@{domain}", $"Admin {n}", now);
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ParentOrganizations.Add(parent);
        db.People.Add(admin);
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = parent.Id, PersonId = admin.Id, GrantedAt = now, GrantedBy = "sign-up" });
        await db.SaveChangesAsync();
        return (parent.Id, admin.Id);
    }

    private static async Task<string> PushUserAsync(HttpClient scim, string email, string name)
    {
        var response = await scim.PostAsync("/scim/v2/Users", Scim(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = email,
            ["externalId"] = "idp-" + email,
            ["displayName"] = name,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["primary"] = true, ["type"] = "work" }),
            ["active"] = true,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task PushGroupAsync(HttpClient scim, string name, params string[] userIds)
    {
        var members = new JsonArray([.. userIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]);
        var response = await scim.PostAsync("/scim/v2/Groups", Scim(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = name,
            ["externalId"] = "idp-group-" + name,
            ["members"] = members,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static StringContent Scim(JsonObject body) => new(body.ToJsonString(), new MediaTypeHeaderValue("application/scim+json"));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string step)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(step);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

public sealed class SqliteFromNothingScriptTests(ApiDnsKestrelPortal portal) : FromNothingScriptTests(portal), IClassFixture<ApiDnsKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresFromNothingScriptTests(PostgresApiDnsKestrelPortal portal) : FromNothingScriptTests(portal), IClassFixture<PostgresApiDnsKestrelPortal>;
