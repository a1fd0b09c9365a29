using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Protocol;

/// <summary>RFC 7643 §5–7 discovery, as Entra and Okta read it: exactly what is supported, and every schema by its URN.</summary>
public sealed class ScimDiscoveryTests(ScimKestrelPortal portal) : IClassFixture<ScimKestrelPortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.StartAcmeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> GetAsync(string path)
    {
        var response = await portal.Acme.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!.AsObject();

    [Fact]
    public async Task ServiceProviderConfig_AdvertisesExactlyWhatIsSupported()
    {
        var config = await GetAsync("/scim/v2/ServiceProviderConfig");

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.Equal(ScimKestrelPortal.BulkPayloadLimit, config["bulk"]!["maxPayloadSize"]!.GetValue<int>()); // the configured, enforced figure
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(config["etag"]!["supported"]!.GetValue<bool>());
        Assert.False(config["changePassword"]!["supported"]!.GetValue<bool>());
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("User", "/Users", ScimSchemas.User)]
    [InlineData("Group", "/Groups", ScimSchemas.Group)]
    public async Task ResourceType_ById(string id, string endpoint, string schema)
    {
        var type = await GetAsync($"/scim/v2/ResourceTypes/{id}");
        var listed = (await GetAsync("/scim/v2/ResourceTypes"))["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>());

        Assert.Equal((endpoint, schema), (type["endpoint"]!.GetValue<string>(), type["schema"]!.GetValue<string>()));
        Assert.EndsWith($"/scim/v2/ResourceTypes/{id}", type["meta"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["User", "Group"], listed);
    }

    [Theory]
    [InlineData(ScimSchemas.User)]
    [InlineData(ScimSchemas.EnterpriseUser)]
    [InlineData(ScimSchemas.Group)]
    public async Task Schema_ByItsUrn_DotsAndColonsRouteToScim(string urn)
    {
        var schema = await GetAsync($"/scim/v2/Schemas/{urn}");

        Assert.Equal(urn, schema["id"]!.GetValue<string>());
        Assert.Equal($"{portal.Acme.BaseAddress!.ToString().TrimEnd('/')}/scim/v2/Schemas/{urn}", schema["meta"]!["location"]!.GetValue<string>());
        Assert.Contains(urn, (await GetAsync("/scim/v2/Schemas"))["Resources"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UserSchema_DeclaresMutabilityCaseExactnessAndUniqueness()
    {
        var user = await GetAsync($"/scim/v2/Schemas/{ScimSchemas.User}");

        var userName = Attribute(user, "userName");
        Assert.Equal((false, "server", true), (userName["caseExact"]!.GetValue<bool>(), userName["uniqueness"]!.GetValue<string>(), userName["required"]!.GetValue<bool>()));
        Assert.True(Attribute(user, "externalId")["caseExact"]!.GetValue<bool>());
        Assert.Equal(("readOnly", "always"), (Attribute(user, "id")["mutability"]!.GetValue<string>(), Attribute(user, "id")["returned"]!.GetValue<string>()));
        Assert.Equal("readOnly", Attribute(user, "meta")["mutability"]!.GetValue<string>());
        Assert.Equal(("writeOnly", "never"), (Attribute(user, "password")["mutability"]!.GetValue<string>(), Attribute(user, "password")["returned"]!.GetValue<string>()));
        Assert.Equal("boolean", Attribute(user, "active")["type"]!.GetValue<string>());
        var emails = Attribute(user, "emails");
        Assert.True(emails["multiValued"]!.GetValue<bool>());
        Assert.Equal(["value", "display", "type", "primary"], emails["subAttributes"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        foreach (var served in new[] { "name", "displayName", "title", "preferredLanguage", "locale", "phoneNumbers", "addresses", "roles" })
        {
            Assert.Equal("default", Attribute(user, served)["returned"]!.GetValue<string>());
        }

        var group = await GetAsync($"/scim/v2/Schemas/{ScimSchemas.Group}");
        Assert.Equal("server", Attribute(group, "displayName")["uniqueness"]!.GetValue<string>());
        Assert.Equal("immutable", Attribute(group, "members")["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "value")!["mutability"]!.GetValue<string>());
    }
}
