using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>
/// A SCIM request reconciles only the people it touched. These tests replay random directory traffic and check,
/// after every request, that a full reconcile would change nothing: the scoped result is the full result.
/// </summary>
public sealed class ScopedReconcileTests : IAsyncLifetime
{
    private const string Owners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    private const string Admins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    private const string Users = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
    private readonly SqlitePortalFixture _portal = new();
    private Guid _parentId;

    public async Task InitializeAsync()
    {
        _portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000"; // the breaker is tested on its own
        await _portal.InitializeAsync();
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == _portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();

        // Few seats, so the pending queue and admissions are exercised.
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeChat && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 3));
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeChat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 3));
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 4));

        await SaveAsync(_portal.Demo.AcmeChat, new ProvisioningDraft(ProvisioningMode.Scim, true,
            [new RoleMapping(Owners, Role.Owner), new RoleMapping(Admins, Role.Admin), new RoleMapping(Users, Role.User)], [], null, 1));
        await SaveAsync(_portal.Demo.AcmeConsole, new ProvisioningDraft(ProvisioningMode.Scim, false, [], [], null, 1));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_directory_traffic_leaves_nothing_for_a_full_reconcile_to_change(int seed)
    {
        var random = new Random(seed);
        var users = _portal.Factory.Services.GetRequiredService<ScimUserService>();
        var groups = _portal.Factory.Services.GetRequiredService<ScimGroupService>();
        for (var step = 0; step < 60; step++)
        {
            var userIds = await DirectoryUserIdsAsync();
            var operation = userIds.Count < 4 ? 0 : random.Next(6);
            var user = userIds.Count == 0 ? Guid.Empty : userIds[random.Next(userIds.Count)];
            var group = await GroupIdAsync(new[] { Owners, Admins, Users }[random.Next(3)]);
            var description = operation switch
            {
                0 => await CreateAsync(users, $"u{seed}-{step}@acme.test"),
                1 => await PatchUserAsync(users, user, random.Next(2) == 0),
                2 => await DeleteAsync(users, user),
                3 or 4 => await PatchGroupAsync(groups, group, user, add: operation == 3),
                _ => await PatchGroupAsync(groups, group, userIds[random.Next(userIds.Count)], add: true),
            };

            foreach (var organizationId in new[] { _portal.Demo.AcmeChat, _portal.Demo.AcmeConsole })
            {
                var leftOver = await FullReconcileChangesAsync(organizationId);
                Assert.True(leftOver.Count == 0, $"After step {step} ({description}) a full reconcile of {organizationId} would still change: {string.Join("; ", leftOver)}");
                await AssertNoSeatOverbookedAsync(organizationId);
            }
        }
    }

    private async Task SaveAsync(Guid organizationId, ProvisioningDraft draft)
    {
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = _portal.Demo.Person("alice@acme.test");
        var preview = await settings.PreviewAsync(organizationId, draft, alice);
        var saved = await settings.SaveAsync(organizationId, draft, alice, preview.AffectedOthers);
        Assert.Empty(saved.Errors);
    }

    private async Task<List<string>> FullReconcileChangesAsync(Guid organizationId)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var input = (await ProvisioningInputLoader.LoadWithSavedSettingsAsync(db, organizationId, CancellationToken.None))!;
        return [.. ProvisioningRules.Evaluate(input).Outcomes.Where(o => o.Changes.Count > 0)
            .Select(o => $"{o.Person.Email}: {string.Join("+", o.Changes)} ({string.Join(" ", o.Reasons.Select(r => r.Text))})")];
    }

    private async Task AssertNoSeatOverbookedAsync(Guid organizationId)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var pools = await db.SeatPools.Where(p => p.OrganizationId == organizationId).ToListAsync();
        foreach (var pool in pools)
        {
            var held = await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.SeatTier == pool.Tier
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked));
            Assert.True(held <= pool.Purchased, $"{held} {pool.Tier} seats held, {pool.Purchased} bought");
        }
    }

    private async Task<List<Guid>> DirectoryUserIdsAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync();
    }

    private async Task<Guid> GroupIdAsync(string key)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.DirectoryGroups.Where(g => g.ParentOrganizationId == _parentId && g.ExternalId == key).Select(g => g.Id).SingleAsync();
    }

    private async Task<string> CreateAsync(ScimUserService users, string userName)
    {
        var body = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":true,"emails":[{"type":"work","primary":true,"value":"{{userName}}"}]}""")!.AsObject();
        await users.CreateAsync(_parentId, body, "http://test/scim/v2");
        return "create " + userName;
    }

    private async Task<string> PatchUserAsync(ScimUserService users, Guid user, bool active)
    {
        var patch = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"{{(active ? "True" : "False")}}"}]}""")!.AsObject();
        await users.PatchAsync(_parentId, user, patch, "http://test/scim/v2");
        return $"active={active} {user}";
    }

    private async Task<string> DeleteAsync(ScimUserService users, Guid user)
    {
        await users.DeleteAsync(_parentId, user);
        return "delete " + user;
    }

    private async Task<string> PatchGroupAsync(ScimGroupService groups, Guid group, Guid user, bool add)
    {
        var operation = add
            ? $$"""{"op":"Add","path":"members","value":[{"value":"{{user}}"}]}"""
            : $$"""{"op":"Remove","path":"members[value eq \"{{user}}\"]"}""";
        var patch = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}""")!.AsObject();
        await groups.PatchAsync(_parentId, group, patch, "http://test/scim/v2");
        return $"{(add ? "add" : "remove")} {user} in {group}";
    }
}
