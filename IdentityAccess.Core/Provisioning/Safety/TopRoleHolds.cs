using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The life of a held top-role change on the IdP paths (SCIM, a JIT sign-in, Sync now, the scheduled reconcile), after
/// their plan is applied: the change the engine held is recorded once per organization and person (with the audit
/// event and a note in the SCIM request's log row); a hold whose person the plan no longer holds is resolved, as
/// "applied automatically" when the plan applied it (another top role exists now) or "withdrawn" when the IdP stopped asking.
/// </summary>
public sealed class TopRoleHolds(AuditLog audit, TimeProvider time)
{
    public const string Applied = "applied";
    public const string AppliedAutomatically = "applied automatically";
    public const string Kept = "kept";
    public const string Withdrawn = "withdrawn";

    /// <param name="requestedBy">Which path asked, as the Identity and access page names it ("Directory sync (SCIM)", "Sync now", …).</param>
    /// <param name="input">What <paramref name="plan"/> was evaluated from: it lists the holds open when it was loaded, under the same lock.</param>
    public async Task TrackAsync(IdentityAccessDbContext db, ProvisioningInput input, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        string requestedBy, CancellationToken cancellationToken)
    {
        var organization = plan.Organization;
        var held = plan.HeldTopRole;
        if (held.Count == 0 && input.HeldTopRole.Count == 0)
        {
            return; // the common case: nothing held now or before, and nothing to read
        }

        var open = await db.HeldTopRoleChanges.Where(h => h.OrganizationId == organization.OrganizationId && h.ResolvedAt == null)
            .ToDictionaryAsync(h => h.PersonId, cancellationToken);

        var now = time.GetUtcNow();
        var top = RoleCatalog.DisplayName(RoleCatalog.TopRole(organization.Product));
        foreach (var outcome in held)
        {
            var asked = outcome.HeldTopRole!;
            // JIT asks nothing of someone who is not signing in now: their change would wait for their sign-in anyway.
            if (asked.AtNextSignIn || outcome.Person.PersonId is not { } personId)
            {
                continue;
            }

            var (change, toRole, toStatus) = Describe(outcome.Person.Membership!, asked);
            var reason = Shorten(string.Join(" ", asked.Reasons.Select(r => r.Text)));
            var reasonCodes = StoredReasons.Write(asked.Reasons);
            if (open.TryGetValue(personId, out var row))
            {
                (row.Change, row.ToRole, row.ToStatus, row.Reason, row.ReasonCodes) = (change, toRole, toStatus, reason, reasonCodes); // what the IdP asks now
                continue;
            }

            db.HeldTopRoleChanges.Add(new HeldTopRoleChange
            {
                OrganizationId = organization.OrganizationId,
                PersonId = personId,
                Change = change,
                FromRole = outcome.Person.Membership!.Role,
                ToRole = toRole,
                ToStatus = toStatus,
                RequestedBy = requestedBy,
                Reason = reason,
                ReasonCodes = reasonCodes,
                HeldAt = now,
            });
            audit.Record(db, actor, "membership.top_role_change_held", outcome.Person.Email,
                new { Role = RoleCatalog.DisplayName(outcome.Person.Membership!.Role), Status = outcome.Person.Membership.Status.ToString() },
                new { Change = change.ToString(), ToRole = toRole is { } r ? RoleCatalog.DisplayName(r) : null, ToStatus = toStatus.ToString(), RequestedBy = requestedBy, Reasons = asked.Reasons.Select(r => r.Text).ToList() },
                organization.OrganizationId, parentOrganizationId);
            ProvisioningLogScope.Current?.Note(LogPhrase.Of(LogPhraseCode.TopRoleHeld, outcome.Person.Email, top, organization.Name));
        }

        foreach (var row in open.Values)
        {
            // Not part of this evaluation, still held, or (JIT) changing only at their next sign-in: still open.
            if (plan.For(row.PersonId) is not { HeldTopRole: null, AtNextSignIn: false } outcome)
            {
                continue;
            }

            var resolution = outcome.Changes.Any(LosesTopRole) ? AppliedAutomatically : Withdrawn;
            (row.ResolvedAt, row.Resolution, row.ResolvedBy) = (now, resolution, requestedBy);
            audit.Record(db, actor, resolution == Withdrawn ? "membership.top_role_change_withdrawn" : "membership.top_role_change_applied",
                outcome.Person.Email, new { Change = row.Change.ToString(), row.RequestedBy, row.HeldAt }, new { Resolution = resolution, By = requestedBy },
                organization.OrganizationId, parentOrganizationId);
            ProvisioningLogScope.Current?.Note(resolution == Withdrawn
                ? LogPhrase.Of(LogPhraseCode.HeldWithdrawn, outcome.Person.Email)
                : LogPhrase.Of(LogPhraseCode.HeldApplied, outcome.Person.Email, organization.Name, top));
        }
    }

    /// <summary>The change as the held row names it: a removal or suspension first, since it takes the role with it.</summary>
    internal static (ChangeKind Change, Role? ToRole, MembershipStatus ToStatus) Describe(CurrentMembership current, AskedChange asked)
    {
        ChangeKind[] order = [ChangeKind.Deprovision, ChangeKind.Suspend, ChangeKind.BlockSignIn, ChangeKind.BecomePending, ChangeKind.Demote];
        var change = order.FirstOrDefault(asked.Changes.Contains, ChangeKind.Demote);
        var toRole = asked.Changes.Contains(ChangeKind.Demote) ? asked.Desired?.Role : null;
        return (change, toRole, asked.Desired?.Status ?? MembershipStatus.Removed);
    }

    private static bool LosesTopRole(ChangeKind change) => change is ChangeKind.Demote or ChangeKind.Deprovision or ChangeKind.Suspend
        or ChangeKind.BlockSignIn or ChangeKind.BecomePending;

    private static string Shorten(string reason) => reason.Length <= 1000 ? reason : reason[..999] + "…";
}
