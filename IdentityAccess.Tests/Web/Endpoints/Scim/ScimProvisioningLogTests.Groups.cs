using System.Net;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>The log of group requests: member changes counted net of what each commit did, nested groups skipped and flagged.</summary>
public abstract partial class ScimProvisioningLogTests
{
    [Fact]
    public async Task GroupPatches_SummariesCountNetMemberChanges()
    {
        var group = await CreateGroupAsync("scim-eng");
        var (carol, dave) = (await UserIdAsync("carol@acme.test"), await UserIdAsync("dave@acme.test"));

        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"Add","path":"members","value":[{"value":"{{carol}}"},{"value":"{{dave}}"}]}]}"""));
        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"Add","path":"members","value":[{"value":"{{carol}}"}]}]}"""));
        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"replace","path":"members","value":[{"value":"{{carol}}"}]}]}"""));
        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim("""{"Operations":[{"op":"replace","value":{"id":"x","displayName":"scim-engineering"}}]}"""));

        var summaries = (await LogAsync()).Skip(3).Select(e => e.Summary!).ToList(); // after the create and the two lookups

        Assert.StartsWith("Updated group 'scim-eng': +2 members", summaries[0], StringComparison.Ordinal);
        Assert.StartsWith("Updated group 'scim-eng': no member changes", summaries[1], StringComparison.Ordinal); // Entra's re-sent add
        Assert.StartsWith("Updated group 'scim-eng': \u22121 member", summaries[2], StringComparison.Ordinal);
        Assert.StartsWith("Updated group 'scim-eng'; renamed 'scim-eng' to 'scim-engineering'", summaries[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentAddsToOneGroup_EachRowCountsWhatItsCommitAdded()
    {
        var group = await CreateGroupAsync("scim-parallel");
        string[] emails = ["alice@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "frank@acme.test", "gina@acme.test"];
        var ids = new List<string>();
        foreach (var email in emails)
        {
            ids.Add(await UserIdAsync(email));
        }

        // Every PATCH also adds the first person, so they collide on that row and the losers retry.
        var responses = await Task.WhenAll(ids.Skip(1).Select(id =>
            _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"},{"value":"{{ids[0]}}"}]}]}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var patches = (await LogAsync()).Where(e => e.Method == "PATCH").Select(e => e.Summary!).ToList();
        Assert.Equal(5, patches.Count);
        // Exactly one commit added the shared person; a retried attempt's rolled-back additions are not counted.
        Assert.Single(patches, s => s.StartsWith("Updated group 'scim-parallel': +2 members", StringComparison.Ordinal));
        Assert.Equal(4, patches.Count(s => s.StartsWith("Updated group 'scim-parallel': +1 member", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NestedGroup_AsMember_SkippedAndFlagged_RequestSucceeds()
    {
        var (outer, inner) = (await CreateGroupAsync("scim-outer"), await CreateGroupAsync("scim-inner"));
        var carol = await UserIdAsync("carol@acme.test");
        var reader = portal.Factory.Services.GetRequiredService<ProvisioningLogReader>();
        var alice = portal.Demo.Person("alice@acme.test");

        var add = await _client.PatchAsync($"/scim/v2/Groups/{outer}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{carol}}"},{"value":"{{inner}}"}]}]}"""));

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        var members = (await BodyAsync(await _client.GetAsync($"/scim/v2/Groups/{outer}")))["members"]!.AsArray();
        Assert.Equal([carol], members.Select(m => m!["value"]!.GetValue<string>()));
        Assert.Contains("+1 member; 1 nested group skipped (only direct members count)", (await LogAsync())[^2].Summary, StringComparison.Ordinal);
        Assert.Equal([outer], (await reader.GetStatusAsync(portal.Demo.AcmeChat, alice))!.NestedGroupKeys);

        var unknown = await _client.PatchAsync($"/scim/v2/Groups/{outer}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{Guid.NewGuid()}}"}]}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode); // neither a user nor a group: still refused

        await _client.PatchAsync($"/scim/v2/Groups/{outer}", Scim($$"""{"Operations":[{"op":"remove","path":"members[value eq \"{{inner}}\"]"}]}"""));
        Assert.Empty((await reader.GetStatusAsync(portal.Demo.AcmeChat, alice))!.NestedGroupKeys);
    }

    [Fact]
    public async Task NestedGroup_DeletingTheInnerGroup_ClearsTheFlag()
    {
        var (outer, inner) = (await CreateGroupAsync("scim-outer"), await CreateGroupAsync("scim-inner"));
        await _client.PatchAsync($"/scim/v2/Groups/{outer}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{inner}}"}]}]}"""));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/scim/v2/Groups/{inner}")).StatusCode);

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Empty(await db.DirectoryGroupNestedGroups.ToListAsync());
    }
}
