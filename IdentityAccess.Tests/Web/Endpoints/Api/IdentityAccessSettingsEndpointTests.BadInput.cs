using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Bad input to the settings resource: a 400 problem with errors per field, never a 500, and nothing saved.</summary>
public abstract partial class IdentityAccessSettingsEndpointTests
{
    [Fact]
    public async Task DryRun_BadValues_400WithErrorsPerField_Never500()
    {
        var (org, client, _) = await OwnAsync();
        var body = new JsonObject
        {
            ["mode"] = "Sideways",
            ["advancedGroupMappings"] = true,
            ["roleMappings"] = new JsonArray(
                new JsonObject { ["groupKey"] = "no-such-group", ["role"] = "Admin" },
                new JsonObject { ["groupKey"] = org.StaffGroup, ["role"] = "Developer" },   // a Console role, not chat's
                new JsonObject { ["groupKey"] = org.OwnersGroup, ["role"] = "1" }),          // a number is no role name
            ["tierMappings"] = new JsonArray(new JsonObject { ["groupKey"] = org.StaffGroup, ["tier"] = "Gold" }),
            ["breakGlassPersonId"] = org.Carol,                                              // not an Owner
        };

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(body)), HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["breakGlassPersonId", "mode", "roleMappings[0].groupKey", "roleMappings[1].role", "roleMappings[2].role", "tierMappings[0].tier"], fields);
        Assert.Equal("InvalidInput", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"mode":"Scim","advancedGroupMappings":"yes"}""")]
    [InlineData("""{"mode":"Scim","advancedGroupMappings":false,"breakGlassPersonId":"not-a-guid"}""")]
    [InlineData("[]")]
    public async Task DryRunAndApply_MalformedJson_400Problem(string json)
    {
        var (org, client, _) = await OwnAsync();

        foreach (var action in new[] { "/dry-run", "/apply" })
        {
            await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, action), new StringContent(json, Encoding.UTF8, "application/json")),
                HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Apply_WithoutAFingerprint_400()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(ScimBody(org))), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("fingerprint", out _));
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }
}
