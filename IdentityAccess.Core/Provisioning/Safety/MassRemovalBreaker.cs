using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The mass-change circuit breaker, on every path that applies a plan from the IdP (SCIM, a JIT sign-in, Sync now, the
/// scheduled reconcile, the removal grace period). It counts removals, suspensions and demotions per organization:
/// those applied within the rolling window (and only those: older ones have left it) plus those the plan wants. Up to
/// the limit they apply; the excess is held for review (<see cref="StagedRemoval"/>) and the people keep their access
/// and role meanwhile. A held change stays held until it is applied or discarded as a whole, however long that takes;
/// it does not hold anything new once the window has moved on. A settings save is reviewed by its own typed
/// confirmation and is not held here, but what it applied counts toward the window.
/// </summary>
public sealed partial class MassRemovalBreaker(IOptions<MassRemovalOptions> options, AuditLog audit, TimeProvider time, ILogger<MassRemovalBreaker> logger)
{
    /// <summary>
    /// The plan a path applies, with the breaker's holds in it: evaluated once, then again with the held people kept as
    /// they are (so the seats they hold are not handed out). The input comes back with the clock and the holds set.
    /// </summary>
    public async Task<(ProvisioningInput Input, ProvisioningPlan Plan)> EvaluateAsync(IdentityAccessDbContext db, ProvisioningInput input,
        Guid parentOrganizationId, AuditActor actor, string path, CancellationToken cancellationToken)
    {
        input = input with { Now = time.GetUtcNow() };
        var plan = ProvisioningRules.Evaluate(input);
        var heldBack = await HoldBackAsync(db, plan, parentOrganizationId, actor, path, cancellationToken);
        if (heldBack.Count == 0)
        {
            return (input, plan);
        }

        input = input with { HeldBack = heldBack };
        return (input, ProvisioningRules.Evaluate(input));
    }

    /// <summary>The people whose change this plan must not apply; their rows are staged for review.</summary>
    public async Task<IReadOnlySet<Guid>> HoldBackAsync(IdentityAccessDbContext db, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        string path, CancellationToken cancellationToken)
    {
        var organizationId = plan.Organization.OrganizationId;
        var staged = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId).ToDictionaryAsync(s => s.PersonId, cancellationToken);
        // Sized: a million-entry dictionary grown by doubling leaves as much again in discarded large arrays.
        var wanted = new Dictionary<Guid, PersonOutcome>(plan.Outcomes.Count(IsGuarded));
        foreach (var outcome in plan.Outcomes.Where(IsGuarded))
        {
            wanted.Add(outcome.Person.PersonId!.Value, outcome);
        }

        var approved = staged.Values.Where(s => s.Approved).Select(s => s.PersonId).ToHashSet(); // reviewed: applied now

        // Someone staged who no longer has the change asked (back in the directory), or approved and applied now, needs no row.
        foreach (var outcome in plan.Outcomes.Where(o => o.Person.PersonId is { } id && staged.ContainsKey(id)))
        {
            var row = staged[outcome.Person.PersonId!.Value];
            if (!wanted.ContainsKey(row.PersonId) || row.Approved)
            {
                db.StagedRemovals.Remove(row);
                staged.Remove(row.PersonId);
            }
        }

        // Already held: stays held, with what the IdP asks now, until decided as a whole; neither counted again nor released.
        var held = new HashSet<Guid>();
        foreach (var (personId, outcome) in wanted.Where(w => staged.ContainsKey(w.Key)))
        {
            Describe(staged[personId], plan, outcome);
            held.Add(personId);
        }

        var fresh = wanted.Where(w => !staged.ContainsKey(w.Key) && !approved.Contains(w.Key)).Select(w => w.Value)
            .OrderBy(o => o.Person.Email, StringComparer.OrdinalIgnoreCase).ToList();
        if (fresh.Count == 0)
        {
            return held;
        }

        var budget = await RemainingAsync(db, organizationId, cancellationToken);
        var excess = fresh.Skip(Math.Max(budget, 0)).ToList();
        if (excess.Count == 0)
        {
            return held;
        }

        var now = time.GetUtcNow();
        foreach (var outcome in excess)
        {
            var row = new StagedRemoval { OrganizationId = organizationId, PersonId = outcome.Person.PersonId!.Value, StagedAt = now, Path = Truncate(path, 100) };
            Describe(row, plan, outcome);
            db.StagedRemovals.Add(row);
            held.Add(row.PersonId);
        }

        var limits = options.Value;
        audit.Record(db, actor, "sync.changes_held", plan.Organization.Name, null,
            new { Held = excess.Count, Path = path, People = excess.Select(o => o.Person.Email), limits.MinimumCount, limits.Percent, limits.WindowMinutes },
            organizationId, parentOrganizationId);
        LogHeld(logger, excess.Count, plan.Organization.Name, organizationId, path);
        return held;
    }

    /// <summary>
    /// How many more removals, suspensions and demotions may apply now: the limit, less those applied within the window.
    /// The limit is the larger of the minimum count and the share of members, so small organizations are not held up.
    /// </summary>
    public async Task<int> RemainingAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var since = time.GetUtcNow().AddMinutes(-limits.WindowMinutes);
        // Only changes inside the window: an event older than the window start is no longer part of a burst.
        var recent = await db.AuditEvents.CountAsync(e => e.OrganizationId == organizationId && e.OccurredAt > since
            && e.Action.StartsWith("membership.")
            && (e.Action.Contains("deprovisioned") || e.Action.Contains("suspended") || e.Action.Contains("demoted")), cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed, cancellationToken);
        var limit = Math.Max(limits.MinimumCount, limits.Percent * members / 100);
        return limit - recent;
    }

    /// <summary>A change the breaker counts: someone loses access or role now (not at a later sign-in).</summary>
    internal static bool IsGuarded(PersonOutcome outcome) =>
        outcome.Person.PersonId is not null && !outcome.AtNextSignIn && outcome.HeldTopRole is null
        && (outcome.Changes.Contains(ChangeKind.Deprovision) || outcome.Changes.Contains(ChangeKind.Suspend) || outcome.Changes.Contains(ChangeKind.Demote));

    private static void Describe(StagedRemoval row, ProvisioningPlan plan, PersonOutcome outcome)
    {
        row.Change = outcome.Changes.Contains(ChangeKind.Deprovision) ? ChangeKind.Deprovision
            : outcome.Changes.Contains(ChangeKind.Suspend) ? ChangeKind.Suspend : ChangeKind.Demote;
        row.Reason = Truncate(string.Join(" ", outcome.Reasons.Select(r => r.Text)), 1000);
        row.ReasonCodes = StoredReasons.Write(outcome.Reasons);
        (row.FromRole, row.ToRole) = row.Change == ChangeKind.Demote ? (outcome.Person.Membership!.Role, outcome.Desired!.Role) : ((Role?)null, (Role?)null);
        row.Asked = row.Change switch
        {
            ChangeKind.Deprovision => "Remove from " + plan.Organization.Name,
            ChangeKind.Suspend => "Suspend (no sign-in, seat freed)",
            _ => $"{RoleCatalog.DisplayName(outcome.Person.Membership!.Role)} → {RoleCatalog.DisplayName(outcome.Desired!.Role)}",
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Mass-change breaker held {Count} change(s) in {OrganizationName} ({OrganizationId}) asked by {Path}; they wait for review on the Identity and access page.")]
    private static partial void LogHeld(ILogger logger, int count, string organizationName, Guid organizationId, string path);
}
