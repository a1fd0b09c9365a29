using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// A dry run of a change of group mappings evaluates only the people the change can move
/// (<see cref="MappingChangeScope"/>). It must show what the whole evaluation shows: for each draft, the preview's
/// changes, refusals and typed-confirmation count are compared with the engine run over everyone, on an organization
/// a Sync now has brought to rest (directory sync with mappings, more people than seats so some are pending).
/// </summary>
public abstract class MappingChangeDryRunTests(PortalFixture portal) : IAsyncLifetime
{
    private const int People = 240;
    private const int Groups = 8;

    private Guid _parentId;

    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:MassRemoval:Percent"] = "100"; // the settle below applies whatever it must
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        var groups = Enumerable.Range(0, Groups).Select(g => new DirectoryGroup
        {
            ParentOrganizationId = _parentId,
            ExternalId = Key(g),
            DisplayName = $"Group {g}",
            NormalizedDisplayName = $"GROUP {g}",
            CreatedAt = then,
            UpdatedAt = then,
        }).ToList();
        db.DirectoryGroups.AddRange(groups);
        var random = new Random(19);
        for (var i = 0; i < People; i++)
        {
            var email = $"person{i}@acme.test";
            var person = Person.Create(email, $"Person {i}", then);
            // A few deactivated; created in the order newcomers wait for seats in.
            var user = DirectoryUsers.LinkedTo(person, _parentId, then, active: i % 17 != 0, createdAt: then.AddSeconds(i));
            db.People.Add(person);
            db.DirectoryUsers.Add(user);
            foreach (var g in Enumerable.Range(0, Groups).OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
            {
                db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = groups[g].Id, UserId = user.Id });
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    public static TheoryData<string> ChatDrafts => [.. _chatChanges.Keys];

    public static TheoryData<string> ConsoleDrafts => [.. _consoleChanges.Keys];

    [Theory]
    [MemberData(nameof(ChatDrafts))]
    public async Task Chat_the_dry_run_of_a_mapping_change_shows_what_evaluating_everyone_shows(string change)
    {
        var saved = new ProvisioningDraft(ProvisioningMode.Scim, true,
            [new(Key(0), Role.Owner), new(Key(1), Role.Admin), new(Key(2), Role.User), new(Key(3), Role.User)],
            [new(Key(4), SeatTier.Premium), new(Key(5), SeatTier.Standard)], null, 1);
        // Settled first without the Premium group's mapping, so people took Premium seats without it; mapped since, the
        // Premium group's people who hold a Standard seat wait for a Premium one (the first a freed seat must go to).
        await SettleAsync(portal.Demo.AcmeChat, saved with { TierMappings = [.. saved.TierMappings.Where(m => m.GroupKey != Key(4))] }, premium: 40, standard: 90);
        await SettleAsync(portal.Demo.AcmeChat, saved, premium: 40, standard: 90);
        Assert.Contains(await EvaluateSavedAsync(portal.Demo.AcmeChat, saved), o => o.Reasons.Any(r => r.Code == ReasonCode.NoFreeTierKeepsSeat));

        // Saved by an owner through the Owner group, so a draft demoting that group demotes the person saving, while Alice
        // (an owner by hand, in none of these groups) stays outside the scope's groups.
        await AssertSameAsEveryoneAsync(portal.Demo.AcmeChat, saved, _chatChanges[change](saved, Alice), await OwnerThroughGroupAsync());
    }

    [Theory]
    [MemberData(nameof(ConsoleDrafts))]
    public async Task Console_the_dry_run_of_a_mapping_change_shows_what_evaluating_everyone_shows(string change)
    {
        var saved = new ProvisioningDraft(ProvisioningMode.Scim, true,
            [new(Key(0), Role.Admin), new(Key(1), Role.Developer), new(Key(2), Role.User), new(Key(3), Role.ClaudeCodeUser)], [], null, 1);
        await SettleAsync(portal.Demo.AcmeConsole, saved, premium: null, standard: 120);

        await AssertSameAsEveryoneAsync(portal.Demo.AcmeConsole, saved, _consoleChanges[change](saved, Alice), Alice);
    }

    [Fact]
    public async Task A_change_of_role_mappings_is_evaluated_over_the_people_it_can_move_only()
    {
        var saved = new ProvisioningDraft(ProvisioningMode.Scim, true, [new(Key(0), Role.Owner), new(Key(1), Role.Admin)], [new(Key(4), SeatTier.Premium)], null, 1);
        await SettleAsync(portal.Demo.AcmeChat, saved, premium: 40, standard: 90);
        var draft = saved with { RoleMappings = [.. saved.RoleMappings, new(Key(6), Role.Admin)] };

        await using var db = await portal.Factory.CreateDbContextAsync();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == portal.Demo.AcmeChat);
        var scope = await MappingChangeScope.ForAsync(db, org, saved, draft, Alice, CancellationToken.None);
        var input = (await ProvisioningInputLoader.LoadAsync(db, org.Id, draft, scope, CancellationToken.None))!;
        var everyone = (await ProvisioningInputLoader.LoadAsync(db, org.Id, draft, CancellationToken.None))!;

        Assert.NotNull(scope);
        Assert.False(MappingChangeScope.NeedsEveryone(ProvisioningRules.Evaluate(input)));
        Assert.InRange(input.People.Count, 1, everyone.People.Count / 2); // group 6 and the owners, not the directory
        var inGroup6 = await db.DirectoryGroupMembers.CountAsync(m => db.DirectoryGroups.Any(g => g.Id == m.GroupId && g.ExternalId == Key(6)));
        Assert.True(input.People.Count(p => p.GroupKeys.Contains(Key(6))) == inGroup6, "everyone in the newly mapped group is evaluated");
    }

    [Fact]
    public async Task A_change_of_mode_is_evaluated_over_everyone()
    {
        var saved = new ProvisioningDraft(ProvisioningMode.Scim, true, [new(Key(0), Role.Owner)], [], null, 1);
        await SettleAsync(portal.Demo.AcmeChat, saved, premium: 10, standard: 20);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == portal.Demo.AcmeChat);

        Assert.Null(await MappingChangeScope.ForAsync(db, org, saved, saved with { Mode = ProvisioningMode.Jit }, Alice, CancellationToken.None));
        Assert.Null(await MappingChangeScope.ForAsync(db, org, saved, saved with { AdvancedGroupMappings = false }, Alice, CancellationToken.None));
    }

    private static readonly Dictionary<string, Func<ProvisioningDraft, Guid, ProvisioningDraft>> _chatChanges = new()
    {
        ["nothing"] = (d, _) => d,
        ["a group newly mapped to Admin"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings, new(Key(6), Role.Admin)] },
        ["a group newly mapped to Owner"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings, new(Key(7), Role.Owner)] },
        ["the Admin group made Owner"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Select(m => m.GroupKey == Key(1) ? m with { Role = Role.Owner } : m)] },
        ["the Owner group made User"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Select(m => m.GroupKey == Key(0) ? m with { Role = Role.User } : m)] },
        ["a User group unmapped (its people leave)"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Where(m => m.GroupKey != Key(2))] },
        ["a group newly mapped to Premium"] = (d, _) => d with { TierMappings = [.. d.TierMappings, new(Key(6), SeatTier.Premium)] },
        ["the Standard tier group unmapped"] = (d, _) => d with { TierMappings = [.. d.TierMappings.Where(m => m.GroupKey != Key(5))] },
        ["alice named break-glass owner"] = (d, alice) => d with { BreakGlassPersonId = alice },
    };

    private static readonly Dictionary<string, Func<ProvisioningDraft, Guid, ProvisioningDraft>> _consoleChanges = new()
    {
        ["a group newly mapped to Developer"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings, new(Key(6), Role.Developer)] },
        ["the Developer group made Admin"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Select(m => m.GroupKey == Key(1) ? m with { Role = Role.Admin } : m)] },
        ["the Admin group made User"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Select(m => m.GroupKey == Key(0) ? m with { Role = Role.User } : m)] },
        ["a User group unmapped (seats come free for the pending)"] = (d, _) => d with { RoleMappings = [.. d.RoleMappings.Where(m => m.GroupKey != Key(2))] },
    };

    // The demo's owner of Acme and Admin of Acme Console: the person saving the Console drafts (a parent admin saves Acme's).
    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private async Task<Guid> OwnerThroughGroupAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Role == Role.Owner && m.Source == MembershipSource.Scim
                && m.Status == MembershipStatus.Active)
            .OrderBy(m => m.Person!.Email).Select(m => m.PersonId).FirstAsync();
    }

    private static string Key(int group) => $"grp-{group}";

    /// <summary>Saves <paramref name="saved"/> as the organization's settings and brings it to rest with a Sync now.</summary>
    private async Task SettleAsync(Guid organizationId, ProvisioningDraft saved, int? premium, int standard)
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.ProvisioningMode, saved.Mode).SetProperty(o => o.AdvancedGroupMappingsEnabled, saved.AdvancedGroupMappings)
                .SetProperty(o => o.SettingsVersion, saved.BaseVersion));
            await db.GroupMappings.Where(m => m.OrganizationId == organizationId).ExecuteDeleteAsync();
            db.GroupMappings.AddRange(saved.RoleMappings.Select(m => new GroupMapping { OrganizationId = organizationId, GroupExternalId = m.GroupKey, Role = m.Role }));
            db.GroupMappings.AddRange(saved.TierMappings.Select(m => new GroupMapping { OrganizationId = organizationId, GroupExternalId = m.GroupKey, Tier = m.Tier }));
            await db.SaveChangesAsync();
            await db.SeatPools.Where(p => p.OrganizationId == organizationId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased,
                p => p.Tier == SeatTier.Premium ? premium ?? 0 : standard));
        }

        await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(organizationId, Alice);

        // At rest: the saved settings, evaluated over everyone, change nobody (so the scope's "the rest stay as they are" holds).
        var outcomes = await EvaluateSavedAsync(organizationId, saved);
        Assert.DoesNotContain(outcomes, o => o.Changes.Count > 0);
        Assert.Contains(outcomes, o => o.Desired?.Status == MembershipStatus.PendingSeat);
        Assert.Contains(outcomes, o => o.IsActiveMember && o.Person.DirectoryUserId is not null);
    }

    private async Task<IReadOnlyList<PersonOutcome>> EvaluateSavedAsync(Guid organizationId, ProvisioningDraft saved)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return ProvisioningRules.Evaluate((await ProvisioningInputLoader.LoadAsync(db, organizationId, saved, CancellationToken.None))!).Outcomes;
    }

    private async Task AssertSameAsEveryoneAsync(Guid organizationId, ProvisioningDraft saved, ProvisioningDraft draft, Guid acting)
    {
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var preview = await settings.PreviewAsync(organizationId, draft, acting);

        await using var db = await portal.Factory.CreateDbContextAsync();
        var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, draft, CancellationToken.None))!;
        var plan = ProvisioningRules.Evaluate(input);
        var errors = ProvisioningChangeGuard.Check(input, plan, acting);
        var shown = plan.AsAsked();

        Assert.Equal(errors.Select(e => e.GetType().Name), preview.Errors.Select(e => e.GetType().Name));
        Assert.Equal(ProvisioningChangeGuard.AffectedOthers(shown, acting), preview.AffectedOthers);
        Assert.Equal(Describe(shown), Describe(preview.Plan!));
        // A draft that moves nobody proves little: every change of role mappings here moves someone. (A tier change may
        // not: with the tier's seats all taken, people keep the seat they hold.)
        Assert.True(draft.RoleMappings.SequenceEqual(saved.RoleMappings) || Describe(shown).Count > 0, "the role mapping change moves someone");
    }

    // Every changed person's outcome, in a fixed order: who, what they become, what changes, why, when.
    private static List<string> Describe(ProvisioningPlan plan) =>
    [
        .. plan.Changed.Select(o => string.Join(" | ", o.Person.Email, o.Desired, string.Join('+', o.Changes), o.AtNextSignIn,
                o.HeldTopRole is not null, string.Join(" / ", o.Reasons.Select(r => r.Text))))
            .Order(StringComparer.Ordinal),
    ];
}

public sealed class SqliteMappingChangeDryRunTests() : MappingChangeDryRunTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMappingChangeDryRunTests() : MappingChangeDryRunTests(new PostgresPortalFixture());
