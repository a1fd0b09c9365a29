using System.Text.Json.Nodes;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>
/// A group PATCH adding many members writes the member rows set-based (one INSERT … SELECT per chunk, untracked): it must
/// leave what the same members added a few at a time leave. Acme's chat organization in directory sync with the group
/// mapped to Admin and fewer Premium seats than members, so the PATCH provisions people, hands out seats in order and
/// leaves the rest pending.
/// </summary>
public abstract class ScimGroupPatchManyMembersTests(Func<PortalFixture> newPortal) : IAsyncLifetime
{
    private const int Members = 300;
    private const string GroupKey = "many-admins";
    private readonly PortalFixture _portal = newPortal();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task PatchAsync_many_members_at_once_leaves_what_small_patches_leave()
    {
        var (parentId, group, users) = await SetUpAsync(_portal, Members);
        var groups = _portal.Factory.Services.GetRequiredService<ScimGroupService>();
        await groups.PatchAsync(parentId, group, Add(users.Take(20)), "http://test/scim/v2"); // already members when the big one comes

        // An unknown id refuses the whole PATCH, as before: nothing of it is written.
        var refused = await Assert.ThrowsAsync<ScimException>(() => groups.PatchAsync(parentId, group, Add([.. users.Skip(20), Guid.NewGuid()]), "http://test/scim/v2"));
        Assert.Equal((400, "invalidValue"), (refused.Status, refused.ScimType));
        Assert.Equal(20, await MemberCountAsync(_portal, group));

        // All of them, some twice in the request, some members already.
        await groups.PatchAsync(parentId, group, Add([.. users, .. users.Skip(100).Take(10)]), "http://test/scim/v2");

        var small = newPortal();
        try
        {
            var (smallParentId, smallGroup, smallUsers) = await SetUpAsync(small, Members);
            var smallGroups = small.Factory.Services.GetRequiredService<ScimGroupService>();
            foreach (var chunk in smallUsers.Chunk(7))
            {
                await smallGroups.PatchAsync(smallParentId, smallGroup, Add(chunk), "http://test/scim/v2");
            }

            Assert.Equal(await StateAsync(small, smallGroup), await StateAsync(_portal, group));
        }
        finally
        {
            await small.DisposeAsync();
        }

        Assert.Equal(Members, await MemberCountAsync(_portal, group));
        var state = await StateAsync(_portal, group);
        Assert.Contains("many0@acme.test Admin Premium Active", state, StringComparison.Ordinal);
        Assert.Contains($"many{Members - 1}@acme.test Admin  PendingSeat", state, StringComparison.Ordinal); // past the Premium seats
    }

    [Fact]
    public async Task PatchAsync_operations_apply_in_order_on_the_rows_written()
    {
        var (parentId, group, users) = await SetUpAsync(_portal, 3);
        var groups = _portal.Factory.Services.GetRequiredService<ScimGroupService>();
        var patch = Add(users);
        var operations = patch["Operations"]!.AsArray();
        operations.Add(JsonNode.Parse($$"""{"op":"remove","path":"members[value eq \"{{users[1]}}\"]"}"""));
        operations.Add(Add([users[0]])["Operations"]![0]!.DeepClone()); // named again in a later operation

        await groups.PatchAsync(parentId, group, patch, "http://test/scim/v2");

        await using var db = await _portal.Factory.CreateDbContextAsync();
        // The remove sees the rows the add wrote (a tracked add was saved after it, so the member stayed); a second add is a no-op.
        var members = await db.DirectoryGroupMembers.Where(m => m.GroupId == group).Select(m => m.UserId).ToListAsync();
        Assert.Equal(new[] { users[0], users[2] }.Order(), members.Order());
    }

    [Theory]
    [InlineData(1_200)] // ids bound as one parameter (ScopeIds.OneParameterFrom); PostgreSQL's directory reads join unnest(@ids)
    [InlineData(2_100)]
    public async Task PatchAsync_many_members_reconciles_only_them_within_the_scope_limit_and_everyone_past_it(int many)
    {
        // Over 2,000 people a scoped reconcile once read the whole organization instead (its ids were bound one parameter
        // each); SQLite now stays scoped, PostgreSQL keeps reading everyone past 2,000 (DirectoryReconciler.MaxScopedPeople)
        // and, from 1,000 ids, joins them (ScopeIds.WhereIn) below it.
        // An outsider put into the mapped group behind the directory's back shows which ran: only a whole-organization
        // reconcile provisions them.
        var (parentId, group, _) = await SetUpAsync(_portal, 0);
        List<Guid> users;
        Guid outsider;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var now = DateTimeOffset.UtcNow;
            var seeded = Enumerable.Range(0, many + 1).Select(i => new DirectoryUser
            {
                ParentOrganizationId = parentId,
                UserName = $"many{i:D4}@acme.test",
                NormalizedUserName = $"MANY{i:D4}@ACME.TEST",
                Email = $"many{i:D4}@acme.test",
                DisplayName = $"Many {i}",
                CreatedAt = now.AddTicks(i),
                UpdatedAt = now,
            }).ToList();
            db.DirectoryUsers.AddRange(seeded);
            outsider = seeded[^1].Id;
            db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = group, UserId = outsider });
            await db.SaveChangesAsync();
            users = [.. seeded.Take(many).Select(u => u.Id)];
        }

        await _portal.Factory.Services.GetRequiredService<ScimGroupService>().PatchAsync(parentId, group, Add(users), "http://test/scim/v2");

        await using var check = await _portal.Factory.CreateDbContextAsync();
        var provisioned = await check.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email.StartsWith("many")
            && m.Role == Role.Admin && m.Source == MembershipSource.Scim);
        var outsiderIsMember = await check.Memberships.AnyAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email == $"many{many:D4}@acme.test");
        if (check.Database.IsNpgsql() && many > 2_000)
        {
            // The whole organization was reconciled: the outsider too, and nothing is left to change.
            Assert.Equal(many + 1, provisioned);
            Assert.True(outsiderIsMember);
            Assert.Empty(await FullReconcileChangesAsync(_portal));
            return;
        }

        Assert.Equal(many, provisioned);
        Assert.False(outsiderIsMember);
        // The scoped plan is the full one for everyone it took: a full reconcile would change the outsider alone.
        // (BecomePending: into the seat queue, the Premium seats went to the PATCH's members.)
        Assert.Equal([$"many{many:D4}@acme.test: BecomePending"], await FullReconcileChangesAsync(_portal));
    }

    [Fact]
    public async Task ReplaceAsync_and_DeleteAsync_reconcile_whoever_joined_or_left_the_mapped_group()
    {
        // Who joined or left is taken from the rows each write inserted and deleted (not from reading the group before and after).
        var (parentId, group, users) = await SetUpAsync(_portal, 5);
        var groups = _portal.Factory.Services.GetRequiredService<ScimGroupService>();
        await groups.PatchAsync(parentId, group, Add(users.Take(3)), "http://test/scim/v2");
        Assert.Empty(await FullReconcileChangesAsync(_portal));

        // A PUT naming two of the three again and two more: one leaves, two join, two are removed and added back.
        var put = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "Many admins",
            ["members"] = new JsonArray([.. users.Skip(1).Select(id => (JsonNode)new JsonObject { ["value"] = id.ToString() })]),
        };
        await groups.ReplaceAsync(parentId, group, put, "http://test/scim/v2");
        Assert.Empty(await FullReconcileChangesAsync(_portal));
        Assert.Equal(4, await MemberCountAsync(_portal, group));

        await groups.DeleteAsync(parentId, group);
        Assert.Empty(await FullReconcileChangesAsync(_portal));
    }

    private static async Task<List<string>> FullReconcileChangesAsync(PortalFixture portal)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var input = (await ProvisioningInputLoader.LoadWithSavedSettingsAsync(db, portal.Demo.AcmeChat, CancellationToken.None))!;
        return [.. ProvisioningRules.Evaluate(input).Outcomes.Where(o => o.Changes.Count > 0).Select(o => $"{o.Person.Email}: {string.Join("+", o.Changes)}")];
    }

    /// <summary>Users created one by one (not provisioned: in no mapped group yet), then the mapped group, empty.</summary>
    private static async Task<(Guid ParentId, Guid Group, List<Guid> Users)> SetUpAsync(PortalFixture portal, int count)
    {
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000"; // the breaker is tested on its own
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = portal.Demo.Person("alice@acme.test");
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true, [new RoleMapping(AcmeDirectorySync.Owners, Role.Owner), new RoleMapping(GroupKey, Role.Admin)], [], null, 1);
        var saved = await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, (await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice)).AffectedOthers);
        Assert.Empty(saved.Errors);
        foreach (var (tier, free) in new[] { (SeatTier.Premium, Members - 10), (SeatTier.Standard, 0) })
        {
            var held = await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeChat && m.SeatTier == tier
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked));
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == tier).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held + free));
        }

        var scimUsers = portal.Factory.Services.GetRequiredService<ScimUserService>();
        var users = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await scimUsers.CreateAsync(parentId, JsonNode.Parse(
                $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"many{{i}}@acme.test","active":true,"emails":[{"type":"work","primary":true,"value":"many{{i}}@acme.test"}]}""")!.AsObject(),
                "http://test/scim/v2");
            users.Add(Guid.Parse(created["id"]!.GetValue<string>()));
        }

        var group = await portal.Factory.Services.GetRequiredService<ScimGroupService>().CreateAsync(parentId,
            JsonNode.Parse($$"""{"displayName":"Many admins","externalId":"{{GroupKey}}"}""")!.AsObject(), "http://test/scim/v2");
        return (parentId, Guid.Parse(group["id"]!.GetValue<string>()), users);
    }

    private static JsonObject Add(IEnumerable<Guid> users) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = new JsonArray([.. users.Select(id => (JsonNode)new JsonObject { ["value"] = id.ToString() })]),
        }),
    };

    private static async Task<int> MemberCountAsync(PortalFixture portal, Guid group)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DirectoryGroupMembers.CountAsync(m => m.GroupId == group);
    }

    /// <summary>The group's members, their memberships (role, tier, status, source), the seats held and the audit entries, by address.</summary>
    private static async Task<string> StateAsync(PortalFixture portal, Guid group)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var members = await db.DirectoryGroupMembers.Where(m => m.GroupId == group).Join(db.DirectoryUsers, m => m.UserId, u => u.Id, (m, u) => u.UserName).ToListAsync();
        var memberships = await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email.StartsWith("many"))
            .Select(m => m.Person!.Email + " " + m.Role + " " + m.SeatTier + " " + m.Status + " " + m.Source).ToListAsync();
        var seats = (await SeatHoldingCounts.HeldAsync(db, portal.Demo.AcmeChat)).Select(h => $"seats {h.Key} {h.Value}");
        var audit = await db.AuditEvents.Where(a => a.Target.StartsWith("many")).Select(a => a.Action + " " + a.Target).ToListAsync();
        return string.Join("\n", members.Order(StringComparer.Ordinal).Concat(memberships.Order(StringComparer.Ordinal))
            .Concat(seats.Order(StringComparer.Ordinal)).Concat(audit.Order(StringComparer.Ordinal)));
    }
}

public sealed class SqliteScimGroupPatchManyMembersTests() : ScimGroupPatchManyMembersTests(() => new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimGroupPatchManyMembersTests() : ScimGroupPatchManyMembersTests(() => new PostgresPortalFixture());
