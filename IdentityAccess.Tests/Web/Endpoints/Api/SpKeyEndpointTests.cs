using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.Saml;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/sso-connection/sp-keys, /sign-authn-requests and /sp-metadata on Kestrel: the parent's SP keys listed with
/// their public certificates only, a rotation end to end (prepare, published beside the current key, promote, retire
/// the previous one) with the refusals the service makes, signing requests on and off. Who must not is
/// <c>.WhoMustNot.cs</c>. Each test has a parent of its own.
/// </summary>
public abstract partial class SpKeyEndpointTests(ApiKestrelPortal portal)
{
    private const string Url = "/api/v1/sso-connection";

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement KeyOf(JsonElement keys, string use, string status) =>
        keys.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("use").GetString() == use && k.GetProperty("status").GetString() == status);

    private static async Task ImportEntraAsync(HttpClient client) =>
        await OkAsync(await client.PutAsync($"{Url}/metadata?preset=EntraId", new StringContent(
            IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)), Encoding.UTF8,
            "application/samlmetadata+xml")));

    /// <summary>The certificates the SP metadata publishes, base64 DER as the PEMs hold them.</summary>
    private static async Task<List<string>> PublishedAsync(HttpClient client)
    {
        var response = await client.GetAsync($"{Url}/sp-metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/samlmetadata+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. xml.Descendants().Where(e => e.Name.LocalName == "X509Certificate").Select(e => Der(e.Value))];
    }

    private static string Der(string pemOrBase64) =>
        string.Concat(pemOrBase64.Replace("-----BEGIN CERTIFICATE-----", "", StringComparison.Ordinal)
            .Replace("-----END CERTIFICATE-----", "", StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task List_ACurrentKeyOfEachUse_PublicCertificatesOnly()
    {
        var (_, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var response = await client.GetAsync($"{Url}/sp-keys");
        var body = await response.Content.ReadAsStringAsync();
        var keys = await OkAsync(response);

        Assert.Equal(["Encryption/Current", "Signing/Current"],
            keys.GetProperty("items").EnumerateArray().Select(k => $"{k.GetProperty("use").GetString()}/{k.GetProperty("status").GetString()}").Order());
        var signing = KeyOf(keys, "Signing", "Current");
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", signing.GetProperty("certificatePem").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, signing.GetProperty("sha256Fingerprint").GetString()!.Length);
        Assert.Equal(40, signing.GetProperty("thumbprint").GetString()!.Length);
        Assert.DoesNotContain("PRIVATE", body, StringComparison.OrdinalIgnoreCase);
        Assert.False(keys.GetProperty("signAuthnRequests").GetBoolean());
        Assert.False(keys.GetProperty("hasConnection").GetBoolean());
    }

    [Fact]
    public async Task Rotation_PrepareNext_PublishedBesideTheCurrent_Promote_RetireTheOld_AuditedWithTheKey()
    {
        var (org, client, apiKey) = await OwnAsync();
        var old = KeyOf(await client.GetFromJsonAsync<JsonElement>($"{Url}/sp-keys"), "Encryption", "Current");

        var prepared = await OkAsync(await client.PostAsync($"{Url}/sp-keys/encryption/prepare-next", null));
        var next = KeyOf(prepared, "Encryption", "Next");
        var published = await PublishedAsync(client);
        Assert.Contains(Der(old.GetProperty("certificatePem").GetString()!), published);
        Assert.Contains(Der(next.GetProperty("certificatePem").GetString()!), published);
        var again = await AssertProblemAsync(await client.PostAsync($"{Url}/sp-keys/encryption/prepare-next", null), HttpStatusCode.Conflict);
        Assert.Equal("SpKeyNextExists", again.GetProperty("code").GetString());

        var promoted = await OkAsync(await client.PostAsync($"{Url}/sp-keys/encryption/promote-next", null));
        Assert.Equal(next.GetProperty("id").GetGuid(), KeyOf(promoted, "Encryption", "Current").GetProperty("id").GetGuid());
        Assert.Equal(old.GetProperty("id").GetGuid(), KeyOf(promoted, "Encryption", "Previous").GetProperty("id").GetGuid());
        Assert.DoesNotContain(Der(old.GetProperty("certificatePem").GetString()!), await PublishedAsync(client)); // a previous key only decrypts

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Url}/sp-keys/{old.GetProperty("id").GetGuid()}")).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"{Url}/sp-keys");
        Assert.Equal(2, after.GetProperty("items").GetArrayLength());
        await using var db = await portal.Factory.CreateDbContextAsync();
        var audited = await db.AuditEvents.Where(e => e.ParentOrganizationId == org.ParentId && e.ViaApiKey == $"{apiKey.Name} ({apiKey.Prefix})")
            .Select(e => e.Action).ToListAsync();
        Assert.Equal(["sso.sp-key-prepared", "sso.sp-key-promoted", "sso.sp-key-retired"], audited.Order());
    }

    [Fact]
    public async Task Refusals_TheServicesOwn_AsProblems_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();
        var current = KeyOf(await client.GetFromJsonAsync<JsonElement>($"{Url}/sp-keys"), "Signing", "Current").GetProperty("id").GetGuid();

        var noNext = await AssertProblemAsync(await client.PostAsync($"{Url}/sp-keys/signing/promote-next", null), HttpStatusCode.Conflict);
        Assert.Equal("SpKeyNoNext", noNext.GetProperty("code").GetString());
        var onlyCurrent = await AssertProblemAsync(await client.DeleteAsync($"{Url}/sp-keys/{current}"), HttpStatusCode.Conflict);
        Assert.Equal("SpKeyCurrentCannotBeRetired", onlyCurrent.GetProperty("code").GetString());
        var unknown = await AssertProblemAsync(await client.DeleteAsync($"{Url}/sp-keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal("SpKeyNotFound", unknown.GetProperty("code").GetString());
        var badUse = await AssertProblemAsync(await client.PostAsync($"{Url}/sp-keys/0/prepare-next", null), HttpStatusCode.BadRequest);
        Assert.True(badUse.GetProperty("errors").TryGetProperty("use", out _));
        var noConnection = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/sign-authn-requests", new { sign = true }), HttpStatusCode.Conflict);
        Assert.Equal("SamlConnectionMissing", noConnection.GetProperty("code").GetString());
        var noSign = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/sign-authn-requests", new { }), HttpStatusCode.BadRequest);
        Assert.True(noSign.GetProperty("errors").TryGetProperty("sign", out _));

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.SamlSpKeys.CountAsync(k => k.ParentOrganizationId == org.ParentId));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ParentOrganizationId == org.ParentId && e.Action.StartsWith("sso.") && e.Action != "sso.sp-key-created"));
    }

    [Fact]
    public async Task SignAuthnRequests_OnWithAConnection_TheMetadataSaysSo_ThenOff()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);

        var on = await OkAsync(await client.PutAsJsonAsync($"{Url}/sign-authn-requests", new { sign = true }));

        Assert.True(on.GetProperty("signAuthnRequests").GetBoolean());
        Assert.Contains("AuthnRequestsSigned=\"true\"", await client.GetStringAsync($"{Url}/sp-metadata"), StringComparison.Ordinal);
        Assert.False((await OkAsync(await client.PutAsJsonAsync($"{Url}/sign-authn-requests", new { sign = false }))).GetProperty("signAuthnRequests").GetBoolean());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlConnections.Where(c => c.ParentOrganizationId == org.ParentId).Select(c => c.SignAuthnRequests).SingleAsync());
    }
}

public sealed class SqliteSpKeyEndpointTests(ApiKestrelPortal portal) : SpKeyEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSpKeyEndpointTests(PostgresApiKestrelPortal portal) : SpKeyEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
