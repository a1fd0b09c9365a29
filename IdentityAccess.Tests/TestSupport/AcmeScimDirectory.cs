using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Acme's SCIM directory as its IdP drives it, for tests that try what a directory may and may not do: Acme's chat
/// organization in directory-sync mode (the demo directory's people keep their memberships), and a client with a token
/// of Acme's parent.
/// </summary>
public sealed class AcmeScimDirectory
{
    internal AcmeScimDirectory(PortalFixture portal, Guid parentId, HttpClient client, string domain = "acme.test") =>
        (Portal, ParentId, Client, Domain) = (portal, parentId, client, domain);

    public PortalFixture Portal { get; }

    public Guid ParentId { get; }

    public HttpClient Client { get; }

    /// <summary>The domain its users' addresses are of: acme.test for the demo's Acme, its own for <see cref="OwnScimDirectory"/>.</summary>
    public string Domain { get; }

    /// <summary>
    /// A text written for the demo's Acme (acme.test) moved to this directory's domain, in the case it is written in:
    /// "ZOË@ACME.TEST" becomes "ZOË@ACME7.TEST" for acme7.test. Unchanged for the demo's Acme.
    /// </summary>
    public string Here(string text) => Domain == "acme.test"
        ? text
        : Regex.Replace(text, @"(?<=acme)(?=\.test)", Domain[4..^5], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static async Task<AcmeScimDirectory> StartAsync(PortalFixture portal)
    {
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            parentId = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await settings.SaveAsync(portal.Demo.AcmeChat, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim },
            portal.Demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        return new AcmeScimDirectory(portal, parentId, await ClientForAsync(portal, parentId));
    }

    public static async Task<HttpClient> ClientForAsync(PortalFixture portal, Guid parentId)
    {
        var (token, refused) = await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "test"));
        Assert.Null(refused);
        return ClientWithSecret(portal, token!.Secret);
    }

    public static HttpClient ClientWithSecret(PortalFixture portal, string secret)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public Task<HttpResponseMessage> PostAsync(string json) => Client.PostAsync("/scim/v2/Users", Scim(json));

    public Task<HttpResponseMessage> PatchAsync(Guid id, string json) => Client.PatchAsync($"/scim/v2/Users/{id}", Scim(json));

    public Task<HttpResponseMessage> PutAsync(Guid id, string json) => Client.PutAsync($"/scim/v2/Users/{id}", Scim(json));

    /// <summary>The id of the directory user with this userName in Acme's directory.</summary>
    public async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = await Portal.Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.Where(u => u.ParentOrganizationId == ParentId && u.NormalizedUserName == userName.ToUpperInvariant())
            .Select(u => u.Id).SingleAsync();
    }
}
