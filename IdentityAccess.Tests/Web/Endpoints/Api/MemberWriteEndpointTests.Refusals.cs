using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>What the members page refuses, the API refuses with the page's category and a code, and nothing changes.</summary>
public abstract partial class MemberWriteEndpointTests
{
    private static IEnumerable<string> Codes(JsonElement problem) =>
        problem.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()!);

    [Fact]
    public async Task Remove_TheKeysCreatorTheLastOwner_409LastTopRoleCannotLeave_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.DeleteAsync(Url(org.OrganizationId, org.Owner)), HttpStatusCode.Conflict);

        Assert.Equal(("LastTopRoleCannotLeave", "Conflict"), (problem.GetProperty("code").GetString(), problem.GetProperty("title").GetString()));
        Assert.Equal((Role.Owner, SeatTier.Premium, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Owner));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Change_TheKeysCreatorTheLastOwner_DemotingThemself_409NoTopRoleLeft_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Owner), Json(new JsonObject { ["role"] = "Admin" })),
            HttpStatusCode.Conflict);

        Assert.Equal("NoTopRoleLeft", problem.GetProperty("code").GetString());
        Assert.Equal((Role.Owner, SeatTier.Premium, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Owner));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Add_AlreadyAMember_409AlreadyListed()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"carol@{org.Domain}",
            ["displayName"] = "Carol Cruz",
            ["tier"] = "Standard",
        })), HttpStatusCode.Conflict);

        Assert.Equal("AlreadyListed", problem.GetProperty("code").GetString());
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task AddOrInvite_NoFreeSeat_409NoFreeSeat_AsThePageRefuses_NobodyAdded()
    {
        var (org, client, _) = await OwnAsync();
        await SetPurchasedAsync(org.OrganizationId, SeatTier.Standard, 2); // Carol and Dave hold both

        foreach (var invite in new[] { false, true })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
            {
                ["email"] = $"hana@{org.Domain}",
                ["displayName"] = "Hana Hill",
                ["tier"] = "Standard",
                ["invite"] = invite,
            })), HttpStatusCode.Conflict);
            Assert.Equal("NoFreeSeat", problem.GetProperty("code").GetString());
        }

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == $"hana@{org.Domain}"));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Change_NoFreeSeatInTheNewTier_409NoFreeSeat_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();
        await SetPurchasedAsync(org.OrganizationId, SeatTier.Premium, 1); // the Owner holds it

        var problem = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject { ["tier"] = "Premium" })),
            HttpStatusCode.Conflict);

        Assert.Equal("NoFreeSeat", problem.GetProperty("code").GetString());
        Assert.Equal((Role.User, SeatTier.Standard, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Carol));
    }

    [Fact]
    public async Task Add_BadEmailAndName_400WithErrorsPerField_TheRulesCodes()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = "Carol <carol@example.test>",
            ["displayName"] = " ",
            ["tier"] = "Standard",
        })), HttpStatusCode.BadRequest);

        Assert.Equal(["displayName", "email"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(["DisplayNameRequired", "EmailRequired"], Codes(problem).Order());
        Assert.Equal("InvalidInput", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AddAndChange_UnknownRoleOrTier_OrAConsoleRoleInChat_400ByField_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var unknown = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"ian@{org.Domain}",
            ["displayName"] = "Ian Ito",
            ["role"] = "Wizard",
            ["tier"] = "Gold",
        })), HttpStatusCode.BadRequest);
        Assert.Equal(["UnknownRole", "UnknownTier"], Codes(unknown).Order());
        Assert.Equal(["role", "tier"], unknown.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        var number = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject { ["role"] = "2" })),
            HttpStatusCode.BadRequest); // a number is no role name
        Assert.Equal(["UnknownRole"], Codes(number));

        var console = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject { ["role"] = "Developer" })),
            HttpStatusCode.BadRequest);
        Assert.Equal(["RoleNotInProduct"], Codes(console));
        Assert.True(console.GetProperty("errors").TryGetProperty("role", out _));

        var nothing = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject())), HttpStatusCode.BadRequest);
        Assert.Equal(["Required"], Codes(nothing));

        Assert.Equal((Role.User, SeatTier.Standard, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Carol));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task ConsoleOrganization_GivenATier_400NoSeatTiers_WithoutOne_Added()
    {
        var (org, client, _) = await OwnAsync();
        var console = await ConsoleOrganizationAsync(org);

        var change = await AssertProblemAsync(await client.PatchAsync(Url(console, org.Carol), Json(new JsonObject { ["tier"] = "Premium" })),
            HttpStatusCode.BadRequest);
        Assert.Equal(["NoSeatTiers"], Codes(change));
        Assert.True(change.GetProperty("errors").TryGetProperty("tier", out _));
        Assert.Equal((Role.Developer, null, MembershipStatus.Active), await MembershipAsync(console, org.Carol));

        var add = await AssertProblemAsync(await client.PostAsync(Url(console), Json(new JsonObject
        {
            ["email"] = $"dave@{org.Domain}",
            ["displayName"] = "Dave Diaz",
            ["role"] = "Developer",
            ["tier"] = "Standard",
        })), HttpStatusCode.BadRequest);
        Assert.Equal(["NoSeatTiers"], Codes(add));

        var added = await client.PostAsync(Url(console), Json(new JsonObject { ["email"] = $"dave@{org.Domain}", ["displayName"] = "Dave Diaz", ["role"] = "Developer" }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((Role.Developer, null, MembershipStatus.Active), await MembershipAsync(console, org.Dave));
    }

    [Fact]
    public async Task ChatOrganization_AddedWithoutATier_400TierRequired()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"jo@{org.Domain}",
            ["displayName"] = "Jo Jones",
        })), HttpStatusCode.BadRequest);

        Assert.Equal(["TierRequired"], Codes(problem));
    }

    [Fact]
    public async Task UnknownPersonOrOrganization_404_Never500()
    {
        var (org, client, _) = await OwnAsync();
        var outsider = portal.Demo.Person("alice@acme.test"); // a person, but no member of this organization

        foreach (var person in new[] { Guid.NewGuid(), outsider })
        {
            await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, person), Json(new JsonObject { ["role"] = "Admin" })), HttpStatusCode.NotFound);
            await AssertProblemAsync(await client.DeleteAsync(Url(org.OrganizationId, person)), HttpStatusCode.NotFound);
        }

        var unknownOrganization = Guid.NewGuid();
        await AssertProblemAsync(await client.PostAsync(Url(unknownOrganization), Json(new JsonObject { ["email"] = "x@example.test", ["displayName"] = "X" })),
            HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.DeleteAsync(Url(unknownOrganization, org.Carol)), HttpStatusCode.NotFound);
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"email":"kim@example.test","displayName":"Kim","tier":"Standard","invite":"yes"}""")]
    [InlineData("""{"role":["Admin"]}""")]
    [InlineData("""{"tier":5}""")]
    [InlineData("[]")]
    public async Task MalformedJson_400Problem(string json)
    {
        // A change reads only role and tier; the invite case is the add's alone.
        var patch = !json.Contains("invite", StringComparison.Ordinal);
        var (org, client, _) = await OwnAsync();

        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), new StringContent(json, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        if (patch)
        {
            await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Carol), new StringContent(json, Encoding.UTF8, "application/json")),
                HttpStatusCode.BadRequest);
        }

        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }
}
