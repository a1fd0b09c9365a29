using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Sso.SpKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not: keys and callers the SP keys refuse, each trying every write, and that the keys did not change for them.</summary>
public abstract partial class SpKeyEndpointTests
{
    /// <summary>A parent with the Entra connection and a next encryption key prepared, so every write below would change something.</summary>
    private async Task<(OwnSettingsOrganization Org, Guid NextId)> OwnRotatingAsync()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        var next = KeyOf(await OkAsync(await client.PostAsync($"{Url}/sp-keys/encryption/prepare-next", null)), "Encryption", "Next");
        return (org, next.GetProperty("id").GetGuid());
    }

    private static async Task<HttpResponseMessage[]> EveryWriteAsync(HttpClient client, Guid nextId) =>
    [
        await client.PostAsync($"{Url}/sp-keys/signing/prepare-next", null),
        await client.PostAsync($"{Url}/sp-keys/encryption/promote-next", null),
        await client.DeleteAsync($"{Url}/sp-keys/{nextId}"),
        await client.PutAsJsonAsync($"{Url}/sign-authn-requests", new { sign = true }),
    ];

    private async Task AssertNothingChangedAsync(OwnSettingsOrganization org, Guid nextId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var keys = await db.SamlSpKeys.Where(k => k.ParentOrganizationId == org.ParentId).Select(k => new { k.Id, k.Use, k.Status }).ToListAsync();
        Assert.Equal(3, keys.Count);
        Assert.Equal((SamlSpKeyUse.Encryption, SamlSpKeyStatus.Next), keys.Where(k => k.Id == nextId).Select(k => (k.Use, k.Status)).Single());
        Assert.False(await db.SamlConnections.Where(c => c.ParentOrganizationId == org.ParentId).Select(c => c.SignAuthnRequests).SingleAsync());
        Assert.Equal(["sso.sp-key-prepared"], await db.AuditEvents
            .Where(e => e.ParentOrganizationId == org.ParentId && e.Action.StartsWith("sso.") && e.Action != "sso.sp-key-created" && e.Action != "sso.metadata-imported")
            .Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task ReadOnlyKey_ListsAndDownloads_ButEveryWrite403_NothingChanged()
    {
        var (org, nextId) = await OwnRotatingAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(3, (await reader.GetFromJsonAsync<JsonElement>($"{Url}/sp-keys")).GetProperty("items").GetArrayLength());
        Assert.NotEmpty(await PublishedAsync(reader));
        foreach (var response in await EveryWriteAsync(reader, nextId))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org, nextId);
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheKeysAreTheWholeParents()
    {
        var (org, nextId) = await OwnRotatingAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        foreach (var response in new[] { await limited.GetAsync($"{Url}/sp-keys"), await limited.GetAsync($"{Url}/sp-metadata") }.Concat(await EveryWriteAsync(limited, nextId)))
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        await AssertNothingChangedAsync(org, nextId);
    }

    [Fact]
    public async Task AnotherParentsKey_SeesAndChangesOnlyItsOwnParent_404ForThisOnesKey()
    {
        var (org, nextId) = await OwnRotatingAsync();
        var (_, stranger, _) = await OwnAsync();

        var seen = await stranger.GetStringAsync($"{Url}/sp-keys");
        Assert.DoesNotContain(nextId.ToString(), seen, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("SpKeyNotFound", (await AssertProblemAsync(await stranger.DeleteAsync($"{Url}/sp-keys/{nextId}"), HttpStatusCode.NotFound))
            .GetProperty("code").GetString());
        await AssertProblemAsync(await stranger.PostAsync($"{Url}/sp-keys/encryption/promote-next", null), HttpStatusCode.Conflict); // its own has no next key

        await AssertNothingChangedAsync(org, nextId);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var (org, nextId) = await OwnRotatingAsync();
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync($"{Url}/sp-keys"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync($"{Url}/sp-metadata"), HttpStatusCode.Forbidden);
        foreach (var response in await EveryWriteAsync(client, nextId))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org, nextId);
    }

    [Fact]
    public async Task RevokedKeyOrNoKey_401_NothingChanged()
    {
        var (org, nextId) = await OwnRotatingAsync();
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var client in new[] { portal.KeyClient(key.Token), portal.KeyClient(null) })
        {
            await AssertProblemAsync(await client.GetAsync($"{Url}/sp-keys"), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await client.GetAsync($"{Url}/sp-metadata"), HttpStatusCode.Unauthorized);
            foreach (var response in await EveryWriteAsync(client, nextId))
            {
                await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            }
        }

        await AssertNothingChangedAsync(org, nextId);
    }
}
