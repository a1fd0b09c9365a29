using System.Diagnostics;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdentityAccess.Bench;

/// <summary>
/// Issue 19's large directory on PostgreSQL, written in SQL by the server itself (generate_series): the demo's Acme
/// parent with three organizations in directory sync (Acme and a new Acme Research, chat with tiers; Acme Console),
/// 200 directory groups, every person in five of them, four in five already members of each organization, and
/// group mappings for roles and tiers. EF's batched inserts took 17-25 s for 100,000 people with one membership each;
/// this shape has 2.4 memberships and five group memberships a person.
/// </summary>
internal static class DirectorySeeder
{
    public const int Groups = 200;

    public sealed record Directory(Guid Parent, Guid Acme, Guid Research, Guid Console, Guid Owner);

    public static string GroupKey(int group) => $"bench-group-{group:D3}";

    public static async Task<Directory> SeedAsync(BenchPortal portal, int people)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>();
        var (parent, acme, alice) = portal.Acme;
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        Directory directory;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var console = await db.Organizations.Where(o => o.ParentOrganizationId == parent && o.Name == "Acme Console").Select(o => o.Id).SingleAsync();
            var research = new Organization { Name = "Acme Research", Plan = OrganizationPlan.Enterprise, ParentOrganizationId = parent, CreatedAt = now };
            db.Organizations.Add(research);
            db.SeatPools.AddRange(
                new SeatPool { OrganizationId = research.Id, Tier = SeatTier.Premium }, new SeatPool { OrganizationId = research.Id, Tier = SeatTier.Standard });
            db.Memberships.Add(new Membership
            {
                OrganizationId = research.Id,
                PersonId = alice,
                Role = Role.Owner,
                SeatTier = SeatTier.Premium,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Manual,
                CreatedAt = now,
                StatusChangedAt = now,
            });
            directory = new Directory(parent, acme, research.Id, console, alice);
            db.GroupMappings.AddRange(Mappings(acme, Product.Chat));
            db.GroupMappings.AddRange(Mappings(research.Id, Product.Chat));
            db.GroupMappings.AddRange(Mappings(console, Product.Console));
            await db.SaveChangesAsync();

            Guid[] organizations = [acme, research.Id, console];
            // Everyone fits: the seats are not what is measured here.
            await db.SeatPools.Where(p => organizations.Contains(p.OrganizationId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2 * people + 100));
            await db.Organizations.Where(o => organizations.Contains(o.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim).SetProperty(o => o.AdvancedGroupMappingsEnabled, true)
                .SetProperty(o => o.SettingsVersion, o => o.SettingsVersion + 1));

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(SeedSql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("n", people);
            command.Parameters.AddWithValue("parent", parent);
            command.Parameters.AddWithValue("orgs", organizations);
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync();
            foreach (var organization in organizations)
            {
                await SeatHoldingCounts.FoldAsync(db, organization);
            }
        }

        Console.WriteLine($"seeded {people} people, {people} directory users in 5 of {Groups} groups each, memberships in 3 organizations: {clock.Elapsed.TotalSeconds:F1} s");
        await SettleAsync(contexts);
        Console.WriteLine($"seed, VACUUM ANALYZE and CHECKPOINT: {clock.Elapsed.TotalSeconds:F1} s");
        return directory;
    }

    /// <summary>What the seeding wrote stays out of the timed part: statistics, dead rows, and the checkpoint that writes it out.</summary>
    public static async Task SettleAsync(IDbContextFactory<IdentityAccessDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
        await db.Database.ExecuteSqlRawAsync("CHECKPOINT;");
    }

    /// <summary>The saved settings of an organization, as the settings page starts its draft from them.</summary>
    public static async Task<ProvisioningDraft> SavedDraftAsync(IServiceProvider services, Guid organizationId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId);
        var mappings = await db.GroupMappings.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.GroupExternalId).ToListAsync();
        return new ProvisioningDraft(org.ProvisioningMode, org.AdvancedGroupMappingsEnabled,
            [.. mappings.Where(m => m.Role is not null).Select(m => new RoleMapping(m.GroupExternalId, m.Role!.Value))],
            [.. mappings.Where(m => m.Tier is not null).Select(m => new TierMapping(m.GroupExternalId, m.Tier!.Value))],
            org.BreakGlassPersonId, org.SettingsVersion);
    }

    // Roles on 80 groups (one for the top role, a few for the next, the rest plain: nine in ten people are in one, as
    // with an "all employees" group), tiers on 10 for chat; the demo's owners (chat) and console-admins groups keep
    // Alice, the acting owner, in her top role.
    private static IEnumerable<GroupMapping> Mappings(Guid organizationId, Product product)
    {
        var chat = product == Product.Chat;
        yield return new GroupMapping
        {
            OrganizationId = organizationId,
            GroupExternalId = chat ? "6f1c2a9e-0001-4c1e-9a10-acme00000001" : "6f1c2a9e-0006-4c1e-9a10-acme00000006",
            Role = chat ? Role.Owner : Role.Admin,
        };
        for (var g = 0; g < RoleMapped; g++)
        {
            var role = chat
                ? g == 0 ? Role.Owner : g <= 5 ? Role.Admin : Role.User
                : g == 0 ? Role.Admin : g <= 7 ? Role.Developer : g == 8 ? Role.Billing : g <= 14 ? Role.ClaudeCodeUser : Role.User;
            yield return new GroupMapping { OrganizationId = organizationId, GroupExternalId = GroupKey(g), Role = role };
        }

        for (var g = RoleMapped; chat && g < RoleMapped + 10; g++)
        {
            yield return new GroupMapping { OrganizationId = organizationId, GroupExternalId = GroupKey(g), Tier = g < RoleMapped + 3 ? SeatTier.Premium : SeatTier.Standard };
        }
    }

    private const int RoleMapped = 80;

    // Ids from the row number keep each index's inserts in order. The seat and listed-member counters' and member names'
    // triggers are off for the insert (one plpgsql call per membership); the same values are written in bulk instead
    // (every seeded membership is active: it holds a seat and is listed).
    private const string SeedSql = """
        ALTER TABLE "People" DISABLE TRIGGER USER;
        ALTER TABLE "Memberships" DISABLE TRIGGER USER;
        INSERT INTO "People" ("Id", "Email", "NormalizedEmail", "DisplayName", "CreatedAt")
        SELECT ('a0000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 'seed' || i || '@acme.test', 'SEED' || i || '@ACME.TEST', 'Seed ' || i, @now
        FROM generate_series(0, @n - 1) AS i;
        INSERT INTO "DirectoryUsers" ("Id", "ParentOrganizationId", "UserName", "NormalizedUserName", "Email", "DisplayName", "Active", "PersonId",
            "CreatedAt", "UpdatedAt", "Version")
        SELECT ('b0000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, @parent, 'seed' || i || '@acme.test', 'SEED' || i || '@ACME.TEST',
            'seed' || i || '@acme.test', 'Seed ' || i, true, ('a0000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid,
            @now + i * interval '1 microsecond', @now, 1
        FROM generate_series(0, @n - 1) AS i;
        INSERT INTO "DirectoryGroups" ("Id", "ParentOrganizationId", "ExternalId", "DisplayName", "NormalizedDisplayName", "CreatedAt", "UpdatedAt", "Version")
        SELECT ('c0000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, @parent, 'bench-group-' || lpad(g::text, 3, '0'),
            'Bench group ' || lpad(g::text, 3, '0'), 'BENCH GROUP ' || lpad(g::text, 3, '0'), @now, @now, 1
        FROM generate_series(0, 199) AS g;
        -- Five distinct groups a person: a hashed start and steps of 37 (coprime with 200).
        INSERT INTO "DirectoryGroupMembers" ("GroupId", "UserId")
        SELECT ('c0000000-0000-0000-0000-' || lpad(to_hex(((hashint4(i)::bigint & 2147483647) + 37 * k) % 200), 12, '0'))::uuid,
            ('b0000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid
        FROM generate_series(0, @n - 1) AS i CROSS JOIN generate_series(0, 4) AS k;
        INSERT INTO "Memberships" ("Id", "OrganizationId", "PersonId", "Role", "SeatTier", "Status", "Source", "CreatedAt", "StatusChangedAt", "PersonName")
        SELECT ('d000000' || o || '-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, (@orgs)[o + 1],
            ('a0000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 'User', CASE WHEN o = 2 THEN NULL ELSE 'Standard' END, 'Active', 'Scim',
            @now, @now, 'Seed ' || i
        FROM generate_series(0, 2) AS o CROSS JOIN generate_series(0, @n - 1) AS i
        WHERE (hashint4(i * 3 + o)::bigint & 2147483647) % 5 <> 0;
        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
        SELECT "OrganizationId", COALESCE("SeatTier", ''), count(*)::int, count(*)::int FROM "Memberships"
        WHERE "Id" >= 'd0000000-0000-0000-0000-000000000000' AND "Id" < 'e0000000-0000-0000-0000-000000000000'
        GROUP BY "OrganizationId", COALESCE("SeatTier", '');
        ALTER TABLE "People" ENABLE TRIGGER USER;
        ALTER TABLE "Memberships" ENABLE TRIGGER USER;
        """;
}
