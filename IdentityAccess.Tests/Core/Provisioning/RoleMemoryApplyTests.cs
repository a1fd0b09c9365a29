using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// The role a plan takes (RoleBeforeSync) and the override the IdP now agrees with are written alike by the tracked and
/// the set-based apply: <see cref="PerKind"/> Admins of Acme per kind, enough for the set-based path.
/// </summary>
public abstract class RoleMemoryApplyTests(PortalFixture portal) : IAsyncLifetime
{
    private const int PerKind = 150;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 10_000));
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var kind in new[] { "demoted", "agreed", "removed" })
        {
            for (var i = 0; i < PerKind; i++)
            {
                var person = Person.Create($"{kind}{i}@large.test", $"{kind} {i}", then);
                db.People.Add(person);
                db.Memberships.Add(new Membership
                {
                    OrganizationId = portal.Demo.AcmeChat,
                    PersonId = person.Id,
                    Role = Role.Admin,
                    SeatTier = SeatTier.Standard,
                    Status = MembershipStatus.Active,
                    Source = MembershipSource.Scim,
                    CreatedAt = then,
                    StatusChangedAt = then,
                    RoleOverride = kind == "demoted" ? null : Role.Admin,
                    RoleOverrideSetAt = kind == "demoted" ? null : then,
                    RoleOverrideSetBy = kind == "demoted" ? null : "Alice Anders",
                    RoleBeforeSync = kind == "removed" ? Role.Owner : null,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task SetBasedAndTrackedPaths_RememberTheRoleTakenAndClearAgreedOverridesAlike()
    {
        var setBased = await ApplyAsync(inTransaction: true);
        var tracked = await ApplyAsync(inTransaction: false);

        Assert.Equal(tracked, setBased);
        Assert.All(setBased.Where(r => r.StartsWith("demoted", StringComparison.Ordinal)), r => Assert.EndsWith("User before: Admin override: ", r, StringComparison.Ordinal));
        Assert.All(setBased.Where(r => r.StartsWith("agreed", StringComparison.Ordinal)), r => Assert.EndsWith("Admin before:  override: ", r, StringComparison.Ordinal));
        Assert.All(setBased.Where(r => r.StartsWith("removed", StringComparison.Ordinal)), r => Assert.EndsWith("Removed Admin before:  override: ", r, StringComparison.Ordinal));
        Assert.Contains(setBased, r => r.StartsWith("override cleared agreed0@large.test", StringComparison.Ordinal));
    }

    // A plan as the engine would give it: the IdP demotes the first kind, grants the overridden role to the second, removes the third.
    private async Task<List<string>> ApplyAsync(bool inTransaction)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync() : null;
        var input = (await ProvisioningInputLoader.LoadAsync(db, portal.Demo.AcmeChat, ProvisioningDraft.Manual(), CancellationToken.None))!;
        var outcomes = input.People.Where(p => p.Email.EndsWith("@large.test", StringComparison.Ordinal)).Select(p => p.Email[..6] switch
        {
            "demote" => new PersonOutcome(p, new DesiredMembership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim), [ChangeKind.Demote], [OutcomeReason.Of(ReasonCode.ManualMember)], false),
            "agreed" => new PersonOutcome(p, new DesiredMembership(Role.Admin, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim), [], [OutcomeReason.Of(ReasonCode.ManualMember)], false)
            {
                ClearsRoleOverride = true,
            },
            _ => new PersonOutcome(p, new DesiredMembership(Role.Admin, SeatTier.Standard, MembershipStatus.Removed, MembershipSource.Scim), [ChangeKind.Deprovision], [OutcomeReason.Of(ReasonCode.ManualMember)], false),
        }).ToList();
        Assert.Equal(3 * PerKind, outcomes.Count);
        Assert.True(outcomes.Count >= PlanApplier.SetBasedFrom); // large enough: the transaction alone decides the path
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        await portal.Factory.Services.GetRequiredService<PlanApplier>().ApplyAsync(db, new ProvisioningPlan(input.Organization, input.Settings, outcomes),
            Guid.Empty, new AuditActor(null, "test"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var rows = (await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email.EndsWith("@large.test"))
                .Select(m => new { m.Person!.Email, m.Status, m.Role, m.RoleBeforeSync, m.RoleOverride, m.RoleOverrideSetBy }).ToListAsync())
            .Select(m => $"{m.Email} {(m.Status == MembershipStatus.Removed ? "Removed " : "")}{m.Role} before: {m.RoleBeforeSync} override: {m.RoleOverride}{m.RoleOverrideSetBy}");
        var cleared = (await db.AuditEvents.AsNoTracking().Where(e => e.OccurredAt >= start && e.Action == "membership.role_override_cleared").ToListAsync())
            .Select(e => $"override cleared {e.Target} {e.Before} {e.After}");
        var result = rows.Concat(cleared).Order(StringComparer.Ordinal).ToList();
        if (transaction is not null)
        {
            await transaction.RollbackAsync(); // so the tracked path starts from the same rows
        }

        return result;
    }
}

public sealed class SqliteRoleMemoryApplyTests() : RoleMemoryApplyTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresRoleMemoryApplyTests() : RoleMemoryApplyTests(new PostgresPortalFixture());
