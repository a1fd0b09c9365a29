using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Writes a plan's membership changes into the caller's unit of work, one audit event per changed person. Changes
/// that JIT applies only at the person's next sign-in are left for then.
/// </summary>
public sealed partial class PlanApplier(AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// From this many people to write, the set-based path is taken. Below it the tracked path is cheaper: a SCIM
    /// request touches one person (a group PATCH a few hundred), and there one load plus the caller's own SaveChanges
    /// beat the set-based path's fixed round trips (a statement per group of like changes,
    /// one prepared insert). Above it, tracking costs time and memory per person: 100,000 tracked memberships
    /// and audit entries took 14.5 s and 800 MiB on SQLite.
    /// </summary>
    internal const int SetBasedFrom = 200;

    public async Task<int> ApplyAsync(IdentityAccessDbContext db, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        CancellationToken cancellationToken = default) => (await ApplyAsync(db, plan, parentOrganizationId, actor, null, cancellationToken)).Total;

    /// <param name="knownDomains">The parent's verified domains as already read in this transaction (a reconcile's snapshot), or null.</param>
    /// <returns>The memberships changed, by what happened to each person.</returns>
    internal async Task<MembershipChangeCounts> ApplyAsync(IdentityAccessDbContext db, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        ParentDomains? knownDomains, CancellationToken cancellationToken = default)
    {
        var organizationId = plan.Organization.OrganizationId;
        var now = time.GetUtcNow();
        var writes = plan.Outcomes.Where(NeedsWrite).ToList();
        using var span = IdentityAccessTelemetry.Start("provisioning.plan_apply");
        span?.SetTag("identityaccess.organization.id", organizationId).SetTag("identityaccess.plan.writes", writes.Count);
        IdentityAccessTelemetry.CountDecisions(writes.Select(o => o.Changes));
        // A million rows in one UPDATE or COPY outlast an interactive query's timeout; small applies keep it.
        using var timeout = writes.Count >= SetBasedFrom ? LargeWriteTimeout.Widen(db, writes.Count) : default(LargeWriteTimeout?);
        var applied = MembershipChangeCounts.None;
        if (CanApplySetBased(db, writes))
        {
            // People not linked yet are created and linked on the tracked path (their person is not saved yet).
            var existing = writes.Where(o => o.Person.PersonId is not null).ToList();
            var json = new AuditEntryJson();
            applied = await SetBasedPlanApply.ApplyAsync(db, plan.Organization.Product, organizationId, existing,
                (outcome, before) => AuditEntry(actor, outcome, before, organizationId, parentOrganizationId, json),
                outcome => OverrideClearedEntry(actor, outcome, organizationId, parentOrganizationId), now, cancellationToken);
            writes = [.. writes.Where(o => o.Person.PersonId is null)];
        }

        var rows = await MembershipRowsAsync(db, organizationId, writes, cancellationToken);
        var unlinked = writes.Where(o => o.Person.PersonId is null).ToList();
        // Read once, when directory users need a person: the parent's domains and the people their addresses already are.
        var domains = unlinked.Count == 0 ? null : knownDomains ?? await ParentDomains.LoadAsync(db, parentOrganizationId, cancellationToken);
        // Many new people (a group PATCH provisioning thousands): chosen by the same rule, written outside the change tracker.
        var newPeople = unlinked.Count >= SetBasedFrom && db.Database.CurrentTransaction is not null
            ? await SetBasedNewPeople.ChooseAsync(db, domains!, organizationId, unlinked, audit, actor, now, cancellationToken)
            : null;
        foreach (var (personId, row) in newPeople?.ExistingRows ?? [])
        {
            rows.TryAdd(personId, row);
        }

        var people = unlinked.Count == 0 || newPeople is not null ? null : await DirectoryPeople.FindManyAsync(db, unlinked.Select(o => o.Person.Email), cancellationToken);
        if (newPeople is null)
        {
            await LoadDirectoryUsersAsync(db, unlinked, cancellationToken);
        }

        var changed = new List<PersonOutcome>();
        foreach (var outcome in writes)
        {
            var desired = outcome.Desired!;
            // A directory user the IdP pushed who is not a person yet: found by email (audited), or created, and linked;
            // never outside the parent's verified domains, whoever's that address is.
            var linked = outcome.Person.PersonId is not null ? null
                : newPeople is not null ? newPeople.Of(outcome)
                : await DirectoryPeople.LinkOrCreateAsync(db, domains!, outcome.Person.DirectoryUserId, outcome.Person.Email, outcome.Person.DisplayName,
                    people!.GetValueOrDefault(EmailAddress.Normalize(outcome.Person.Email)), audit, actor, now, cancellationToken);
            if ((outcome.Person.PersonId ?? linked?.Person.Id) is not { } personId)
            {
                continue;
            }

            if (linked is { Created: true } && newPeople is null)
            {
                people![linked.Value.Person.NormalizedEmail] = linked.Value.Person; // a second directory user with this address finds it
            }

            // A directory user just linked to an existing person by email may find that person's earlier membership here
            // (a re-created user); a new person has none, and a person known before was looked up with the others (with
            // the set-based new people, those linked by email too).
            var row = rows.GetValueOrDefault(personId) ?? (linked is { Created: false } && newPeople is null
                ? await db.Memberships.SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.PersonId == personId, cancellationToken)
                : null);
            if (row is not null && outcome.ClearsRoleOverride && row.RoleOverride is not null)
            {
                ClearOverride(row);
                Record(db, newPeople, OverrideClearedEntry(actor, outcome, organizationId, parentOrganizationId));
            }

            if (outcome.Changes.Count == 0)
            {
                // No visible change, but sync may have adopted the membership (switching into SCIM).
                if (row is not null && row.Source != desired.Source)
                {
                    row.Source = desired.Source;
                }

                continue;
            }

            var before = row is null ? null : new MembershipValues(row.Role, row.SeatTier, row.Status);
            if (row is null)
            {
                row = NewMembership(organizationId, personId, desired, now);
                Add(db, newPeople, row);
                rows[personId] = row;
            }
            else
            {
                row.RoleBeforeSync = RoleMemory.BeforeSync(plan.Organization.Product, row.Role, row.RoleBeforeSync, desired, outcome.Changes);
                if (RoleMemory.ClearsOverride(outcome))
                {
                    ClearOverride(row);
                }

                Assign(row, desired, now);
            }

            Record(db, newPeople, AuditEntry(actor, outcome, before, organizationId, parentOrganizationId));
            changed.Add(outcome);
        }

        if (newPeople is not null)
        {
            await newPeople.WriteAsync(db, cancellationToken);
        }

        return applied + MembershipChangeCounts.Of(changed);
    }

    /// <summary>A membership created by a plan, as both paths write it.</summary>
    internal static Membership NewMembership(Guid organizationId, Guid personId, DesiredMembership desired, DateTimeOffset now)
    {
        var row = new Membership { OrganizationId = organizationId, PersonId = personId, CreatedAt = now };
        Assign(row, desired, now);
        return row;
    }

    private static void Assign(Membership row, DesiredMembership desired, DateTimeOffset now)
    {
        if (row.Status != desired.Status)
        {
            row.StatusChangedAt = now;
        }

        (row.Role, row.SeatTier, row.Status, row.Source) = (desired.Role, desired.Tier, desired.Status, desired.Source);
    }

    // A new membership and an audit entry go to the set-based new people's inserts when they are taken, else to the change tracker.
    private static void Add(IdentityAccessDbContext db, SetBasedNewPeople? newPeople, Membership row)
    {
        if (newPeople is null)
        {
            db.Memberships.Add(row);
        }
        else
        {
            newPeople.Add(row);
        }
    }

    private static void Record(IdentityAccessDbContext db, SetBasedNewPeople? newPeople, AuditEvent entry)
    {
        if (newPeople is null)
        {
            db.AuditEvents.Add(entry);
        }
        else
        {
            newPeople.Add(entry);
        }
    }

    private static void ClearOverride(Membership row) => (row.RoleOverride, row.RoleOverrideSetAt, row.RoleOverrideSetBy) = (null, null, null);

    // The set-based path writes outside the caller's change tracker, so it needs the caller's transaction to stay
    // all-or-nothing; and one statement per person and group assumes each person appears once in the plan.
    private static bool CanApplySetBased(IdentityAccessDbContext db, List<PersonOutcome> writes) =>
        writes.Count >= SetBasedFrom && db.Database.CurrentTransaction is not null
        && writes.Where(o => o.Person.PersonId is not null).Select(o => o.Person.PersonId).Distinct().Count() == writes.Count(o => o.Person.PersonId is not null);

    // Only people whose membership changes, whom sync adopts (switching into SCIM), or whose override the IdP now
    // agrees with are written: a reconcile that changes nothing loads no rows.
    private static bool NeedsWrite(PersonOutcome outcome) =>
        outcome.Desired is { } desired && !outcome.AtNextSignIn
        && (outcome.Changes.Count > 0 || outcome.ClearsRoleOverride || (outcome.Person.Membership is { } current && current.Source != desired.Source));

    private static async Task<Dictionary<Guid, Membership>> MembershipRowsAsync(IdentityAccessDbContext db, Guid organizationId,
        IReadOnlyList<PersonOutcome> writes, CancellationToken cancellationToken)
    {
        const int ChunkSize = 1000; // keeps each IN list well inside every provider's parameter limit
        var rows = new Dictionary<Guid, Membership>();
        foreach (var chunk in writes.Where(o => o.Person.PersonId is not null).Select(o => o.Person.PersonId!.Value).Chunk(ChunkSize))
        {
            foreach (var row in await db.Memberships.Where(m => m.OrganizationId == organizationId && chunk.Contains(m.PersonId)).ToListAsync(cancellationToken))
            {
                rows[row.PersonId] = row;
            }
        }

        return rows;
    }

    /// <summary>
    /// The directory users to link, tracked, in one query per chunk: linking finds each in the change tracker then, not by
    /// a query per user (2,000 of them when a group PATCH provisions 2,000 people at once).
    /// </summary>
    private static async Task LoadDirectoryUsersAsync(IdentityAccessDbContext db, List<PersonOutcome> unlinked, CancellationToken cancellationToken)
    {
        var ids = unlinked.Where(o => o.Person.DirectoryUserId is not null).Select(o => o.Person.DirectoryUserId!.Value).ToList();
        foreach (var chunk in ids.Chunk(10_000))
        {
            // One JSON / array parameter, as in SetBasedPlanApply; the primary key drives the lookup.
            await db.DirectoryUsers.Where(u => EF.Parameter(chunk).Contains(u.Id)).LoadAsync(cancellationToken);
        }
    }
}
