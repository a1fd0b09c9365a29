using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// The plan applier's path for many people (a full reconcile, a settings change): the same rows and audit entries
/// as the tracked path, written without tracking them. Memberships that change alike are updated by one statement
/// (a chunk of people at a time on SQLite); new memberships and audit entries go in through one prepared INSERT or COPY (see
/// <see cref="UntrackedInsert"/>) in the same transaction. The seat counters follow, since the database's triggers keep them
/// (per row on SQLite, per statement on PostgreSQL).
/// </summary>
internal static class SetBasedPlanApply
{
    // Each id list travels as one parameter (a JSON array on SQLite, an array on PostgreSQL), so the chunk is
    // bounded by statement size rather than by parameter limits.
    private const int ChunkSize = 10_000;

    /// <summary>Writes <paramref name="writes"/> (people who already exist); returns the memberships changed, by what happened to each.</summary>
    public static async Task<MembershipChangeCounts> ApplyAsync(IdentityAccessDbContext db, Product product, Guid organizationId, IReadOnlyList<PersonOutcome> writes,
        Func<PersonOutcome, MembershipValues?, AuditEvent> auditEntry, Func<PersonOutcome, AuditEvent> overrideCleared, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var updates = new Dictionary<RowUpdate, List<Guid>>();
        var adoptions = new Dictionary<MembershipSource, List<Guid>>();
        var overridesCleared = new List<Guid>();
        var inserts = new List<Membership>();
        // What each audit entry is built from, in the order they are written: the entries themselves are built while
        // they stream into the insert, not held a million at once (a third of Sync now's heap at 1M).
        var entries = new List<(PersonOutcome Outcome, MembershipValues? Before, bool OverrideCleared)>(writes.Count);
        var changed = new List<PersonOutcome>();
        var deactivated = new List<Guid>();
        foreach (var outcome in writes)
        {
            var desired = outcome.Desired!;
            var personId = outcome.Person.PersonId!.Value;
            // The membership as loaded for the plan, in this transaction and under the organization's lock: the
            // stored row (reading every changed row again took 1.3 s of Sync now at 200,000 people).
            var row = outcome.Person.Membership;
            var clearsOverride = row is not null && outcome.ClearsRoleOverride;
            if (clearsOverride)
            {
                entries.Add((outcome, null, true));
            }

            if (outcome.Changes.Count == 0)
            {
                // No visible change, but sync may have adopted the membership (switching into SCIM), or the IdP now
                // grants the role kept by hand.
                if (row is not null && row.Source != desired.Source)
                {
                    Add(adoptions, desired.Source, personId);
                }

                if (clearsOverride)
                {
                    overridesCleared.Add(personId);
                }

                continue;
            }

            if (row is null)
            {
                inserts.Add(PlanApplier.NewMembership(organizationId, personId, desired, now));
            }
            else
            {
                var beforeSync = RoleMemory.BeforeSync(product, row.Role, row.RoleBeforeSync, desired, outcome.Changes);
                Add(updates, new RowUpdate(desired, row.Status != desired.Status, row.Tier != desired.Tier, beforeSync, RoleMemory.ClearsOverride(outcome)), personId);
                if (row.Status == MembershipStatus.Active && desired.Status != MembershipStatus.Active)
                {
                    deactivated.Add(personId);
                }
            }

            entries.Add((outcome, row is null ? null : MembershipValues.Of(row.Role, row.Tier, row.Status), false));
            changed.Add(outcome);
        }

        foreach (var (update, personIds) in updates)
        {
            var desired = update.Desired;
            foreach (var chunk in UpdateChunks(db, personIds))
            {
                await Rows(db, organizationId, chunk).ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(m => m.Role, desired.Role).SetProperty(m => m.Source, desired.Source)
                        .SetProperty(m => m.RoleBeforeSync, update.RoleBeforeSync);
                    // Status and tier only where they change (every row of the group has the desired value already
                    // otherwise): SQLite's seat-counter trigger runs per row whenever either is set, three statements
                    // a row, and a promotion of 8,000 people changes neither.
                    if (update.StatusChanges)
                    {
                        s.SetProperty(m => m.Status, desired.Status).SetProperty(m => m.StatusChangedAt, now);
                    }

                    if (update.TierChanges)
                    {
                        s.SetProperty(m => m.SeatTier, desired.Tier);
                    }

                    if (update.ClearsOverride)
                    {
                        ClearOverride(s);
                    }
                }, cancellationToken);
            }
        }

        foreach (var (source, personIds) in adoptions)
        {
            foreach (var chunk in UpdateChunks(db, personIds))
            {
                await Rows(db, organizationId, chunk).ExecuteUpdateAsync(s => s.SetProperty(m => m.Source, source), cancellationToken);
            }
        }

        foreach (var chunk in UpdateChunks(db, overridesCleared))
        {
            await Rows(db, organizationId, chunk).ExecuteUpdateAsync(ClearOverride, cancellationToken);
        }

        await UntrackedInsert.InsertAsync(db, inserts, cancellationToken);
        await UntrackedInsert.InsertAsync(db, entries.Select(e => e.OverrideCleared ? overrideCleared(e.Outcome) : auditEntry(e.Outcome, e.Before)), cancellationToken);
        // ExecuteUpdate bypasses the interceptor that revokes the sessions of people left without any role.
        await RoleLossRevocation.RevokeIfNoRoleLeftAsync(db, deactivated, now, cancellationToken);
        return MembershipChangeCounts.Of(changed);
    }

    /// <summary>
    /// The people of one kind of change, in as few UPDATEs as the provider takes well. PostgreSQL: all in one (an array
    /// parameter of any length): at 1,000,000 people, 100 statements of 10,000 ids took 39.6 s where 200,000 in 20 took
    /// 4.3–6.2 s, and one statement per kind brought Sync now from 72 to 60 s. SQLite: chunks of 10,000 (a JSON text
    /// each, read row by row through json_each).
    /// </summary>
    private static IEnumerable<Guid[]> UpdateChunks(IdentityAccessDbContext db, List<Guid> personIds) =>
        personIds.Count == 0 ? [] : db.Database.IsNpgsql() ? [[.. personIds]] : personIds.Chunk(ChunkSize);

    private static void ClearOverride(UpdateSettersBuilder<Membership> s) =>
        s.SetProperty(m => m.RoleOverride, (Role?)null).SetProperty(m => m.RoleOverrideSetAt, (DateTimeOffset?)null)
            .SetProperty(m => m.RoleOverrideSetBy, (string?)null);

    /// <summary>Rows that change alike share one statement: the same new values, the same columns changing, and the same role remembered.</summary>
    private sealed record RowUpdate(DesiredMembership Desired, bool StatusChanges, bool TierChanges, Role? RoleBeforeSync, bool ClearsOverride);

    // EF.Parameter: the chunk as one JSON / array parameter (json_each / = ANY), as ScimGroupMembers does, instead of
    // thousands of bound parameters. (OrganizationId, PersonId) is unique, so the lookups use that index.
    private static IQueryable<Membership> Rows(IdentityAccessDbContext db, Guid organizationId, Guid[] personIds) =>
        db.Memberships.Where(m => m.OrganizationId == organizationId && EF.Parameter(personIds).Contains(m.PersonId));

    private static void Add<TKey>(Dictionary<TKey, List<Guid>> groups, TKey key, Guid personId)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var ids))
        {
            groups[key] = ids = [];
        }

        ids.Add(personId);
    }
}
