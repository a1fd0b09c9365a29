using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.Saml;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/sso-connection on Kestrel, with Entra- and Okta-shaped metadata around the tests' IdP certificates: what the
/// IdP needs of the portal, importing as XML or JSON, turning sign-in on and off (off confirmed by the number of people
/// it affects), the attribute names and the last test sign-in's outcome. Bad input is <c>.BadInput.cs</c>, who must not
/// <c>.WhoMustNot.cs</c>. Each test has a parent of its own, with a verified domain and no IdP yet.
/// </summary>
public abstract partial class SsoConnectionEndpointTests(ApiKestrelPortal portal)
{
    private const string Url = "/api/v1/sso-connection";

    private static string EntraXml => IdpMetadataSamples.Entra(SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext));

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static StringContent Xml(string xml, string mediaType = "application/samlmetadata+xml") => new(xml, Encoding.UTF8, mediaType);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ImportEntraAsync(HttpClient client) =>
        await OkAsync(await client.PutAsync($"{Url}/metadata?preset=EntraId", Xml(EntraXml)));

    private async Task<SamlConnection?> ConnectionAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId);
    }

    [Fact]
    public async Task Get_BeforeImport_NotConfigured_WithThePortalsValuesForTheIdp()
    {
        var (org, client, _) = await OwnAsync();

        var sso = await client.GetFromJsonAsync<JsonElement>(Url);

        Assert.False(sso.GetProperty("configured").GetBoolean());
        Assert.False(sso.GetProperty("enabled").GetBoolean());
        Assert.True(sso.GetProperty("hasVerifiedDomain").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sso.GetProperty("idp").ValueKind);
        var sp = sso.GetProperty("serviceProvider");
        Assert.False(string.IsNullOrEmpty(sp.GetProperty("entityId").GetString()));
        Assert.EndsWith("/saml/acs", sp.GetProperty("acsUrl").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/saml/metadata/{org.ParentId}", sp.GetProperty("metadataUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportXml_200_EntityIdSsoUrlCertificatesWithFingerprintsAndDaysToExpiry_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var sso = await ImportEntraAsync(client);

        Assert.True(sso.GetProperty("configured").GetBoolean());
        var idp = sso.GetProperty("idp");
        Assert.Equal((IdpMetadataSamples.EntraEntityId, IdpMetadataSamples.EntraSsoUrl, "EntraId"),
            (idp.GetProperty("entityId").GetString(), idp.GetProperty("singleSignOnUrl").GetString(), idp.GetProperty("preset").GetString()));
        var certificates = idp.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(2, certificates.Count);
        var first = certificates.Single(c => c.GetProperty("subject").GetString() == "CN=Test IdP");
        Assert.Equal(CertificateFingerprints.Sha256(SamlTestKeys.Idp), first.GetProperty("sha256Fingerprint").GetString());
        var days = (SamlTestKeys.Idp.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays;
        Assert.InRange(first.GetProperty("daysToExpiry").GetInt32(), Math.Floor(days) - 1, Math.Floor(days));
        Assert.Equal(2048, first.GetProperty("keyBits").GetInt32());
        Assert.Equal("EntraId", sso.GetProperty("attributeNames").GetProperty("preset").GetString());
        Assert.False(string.IsNullOrEmpty(sso.GetProperty("attributeNames").GetProperty("names").GetProperty("email").GetString()));
        Assert.Equal(IdpMetadataSamples.EntraEntityId, (await ConnectionAsync(org.ParentId))!.EntityId);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "sso.metadata-imported");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task ImportJson_Okta_ThenEnable_ThenDisable_NobodySignsInThroughItYet()
    {
        var (org, client, _) = await OwnAsync();
        var xml = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp));

        var imported = await OkAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataXml = xml, preset = "okta" }));
        Assert.Equal("Okta", imported.GetProperty("idp").GetProperty("preset").GetString());

        Assert.True((await OkAsync(await client.PostAsync($"{Url}/enable", null))).GetProperty("enabled").GetBoolean());
        Assert.True((await ConnectionAsync(org.ParentId))!.Enabled);
        var impact = await client.GetFromJsonAsync<JsonElement>($"{Url}/disable-impact");
        Assert.Equal((0, false), (impact.GetProperty("peopleSigningInThroughIdp").GetInt32(), impact.GetProperty("needsConfirmation").GetBoolean()));
        Assert.False((await OkAsync(await client.PostAsync($"{Url}/disable", null))).GetProperty("enabled").GetBoolean());
        Assert.False((await ConnectionAsync(org.ParentId))!.Enabled);
    }

    [Fact]
    public async Task Disable_WhilePeopleSignInThroughIt_400UntilConfirmedWithTheirNumber()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        await OkAsync(await client.PostAsync($"{Url}/enable", null));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.SamlIdentityLinks.AddRange(
                new SamlIdentityLink { ParentOrganizationId = org.ParentId, IdpEntityId = IdpMetadataSamples.EntraEntityId, Subject = "carol", PersonId = org.Carol, CreatedAt = DateTimeOffset.UtcNow },
                new SamlIdentityLink { ParentOrganizationId = org.ParentId, IdpEntityId = IdpMetadataSamples.EntraEntityId, Subject = "dave", PersonId = org.Dave, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var impact = await client.GetFromJsonAsync<JsonElement>($"{Url}/disable-impact");
        Assert.Equal((2, true, 2), (impact.GetProperty("peopleSigningInThroughIdp").GetInt32(), impact.GetProperty("needsConfirmation").GetBoolean(),
            impact.GetProperty("confirm").GetInt32()));
        var problem = await AssertProblemAsync(await client.PostAsync($"{Url}/disable", null), HttpStatusCode.BadRequest);
        Assert.Equal("SsoDisableNotConfirmed", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await client.PostAsync($"{Url}/disable?confirm=3", null), HttpStatusCode.BadRequest);
        Assert.True((await ConnectionAsync(org.ParentId))!.Enabled);

        Assert.False((await OkAsync(await client.PostAsync($"{Url}/disable?confirm=2", null))).GetProperty("enabled").GetBoolean());
        Assert.False((await ConnectionAsync(org.ParentId))!.Enabled);
    }

    [Fact]
    public async Task AttributeNames_SetAsTheEditorDoes_ThenBackToThePresets()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);

        var custom = await OkAsync(await client.PutAsJsonAsync($"{Url}/attribute-names", new
        {
            preset = "Custom",
            names = new { subject = "employeeId", email = "mail", displayName = "cn", groups = "memberOf", groupsFormat = "Names" },
        }));

        var names = custom.GetProperty("attributeNames");
        Assert.Equal(("Custom", "Attribute", "employeeId", "mail", "Names"), (names.GetProperty("preset").GetString(),
            names.GetProperty("names").GetProperty("subjectSource").GetString(), names.GetProperty("names").GetProperty("subject").GetString(),
            names.GetProperty("names").GetProperty("email").GetString(), names.GetProperty("names").GetProperty("groupsFormat").GetString()));
        Assert.Equal("mail", (await ConnectionAsync(org.ParentId))!.AttributeNames.EmailAttribute);

        var okta = await OkAsync(await client.PutAsJsonAsync($"{Url}/attribute-names", new { preset = "Okta" }));
        Assert.Equal(("Okta", false), (okta.GetProperty("attributeNames").GetProperty("preset").GetString(),
            okta.GetProperty("attributeNames").GetProperty("changedFromPreset").GetBoolean()));
        Assert.Equal(SamlAttributePresets.Names(SamlAttributePreset.Okta), (await ConnectionAsync(org.ParentId))!.AttributeNames);
    }

    [Fact]
    public async Task ReplacedByOkta_RollBack_TrustsEntraAgain_AndIdpInitiatedSignInSwitches()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        await OkAsync(await client.PutAsync($"{Url}/metadata?preset=Okta", Xml(IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)))));

        var rolledBack = await OkAsync(await client.PostAsync($"{Url}/metadata/rollback", null));

        Assert.Equal(IdpMetadataSamples.EntraEntityId, rolledBack.GetProperty("idp").GetProperty("entityId").GetString());
        Assert.Equal(IdpMetadataSamples.EntraEntityId, (await ConnectionAsync(org.ParentId))!.EntityId);
        var allowed = await OkAsync(await client.PutAsJsonAsync($"{Url}/idp-initiated-sign-in", new { allowed = true }));
        Assert.True(allowed.GetProperty("idp").GetProperty("allowIdpInitiated").GetBoolean());
        Assert.True((await ConnectionAsync(org.ParentId))!.AllowIdpInitiated);
        await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/idp-initiated-sign-in", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("MetadataSourceMissing", (await AssertProblemAsync(await client.DeleteAsync($"{Url}/metadata/url"), HttpStatusCode.Conflict))
            .GetProperty("code").GetString());
    }

    [Fact]
    public async Task TestResult_404BeforeAnyTest_ThenTheOutcomeOnly_NeverWhatTheIdpSent()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        Assert.Equal("NoTestSignIn", (await AssertProblemAsync(await client.GetAsync($"{Url}/test-result"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        var now = DateTimeOffset.UtcNow;
        var result = new SamlTestResult(false, IdpMetadataSamples.EntraEntityId, [new SamlTestCheck("Signed with the IdP's certificate", SamlTestCheckStatus.Failed, "bad")],
            null, "secret-name-id", null, [new SamlTestAttribute("mail", ["carol.private@example.com"])], null, null);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // Completed as the ACS completes a test started from the SSO panel, in the Owner's browser session.
            db.Set<SamlTestSignIn>().Add(new SamlTestSignIn
            {
                ParentOrganizationId = org.ParentId,
                StartedByPersonId = org.Owner,
                StartedByName = "Owner",
                StartedInSessionId = Guid.NewGuid(),
                StartedAt = now.AddMinutes(-1),
                IdpEntityId = IdpMetadataSamples.EntraEntityId,
                CompletedAt = now,
                Passed = false,
                FailedCheck = "Signed with the IdP's certificate",
                ResultJson = result.ToJson(),
            });
            await db.SaveChangesAsync();
        }

        var response = await client.GetAsync($"{Url}/test-result");

        var test = await OkAsync(response);
        Assert.Equal((false, "Signed with the IdP's certificate", IdpMetadataSamples.EntraEntityId), (test.GetProperty("passed").GetBoolean(),
            test.GetProperty("failedCheck").GetString(), test.GetProperty("idpEntityId").GetString()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-name-id", body, StringComparison.Ordinal);
        Assert.DoesNotContain("carol.private", body, StringComparison.Ordinal);
    }
}

public sealed class SqliteSsoConnectionEndpointTests(ApiKestrelPortal portal) : SsoConnectionEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSsoConnectionEndpointTests(PostgresApiKestrelPortal portal) : SsoConnectionEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
