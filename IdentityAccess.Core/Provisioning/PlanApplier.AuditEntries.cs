using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The audit entries a plan's writes leave, the same on the tracked and the set-based path.</summary>
public sealed partial class PlanApplier
{
    /// <summary>
    /// One audit entry per changed person, whichever path saves it; with <paramref name="json"/> (the set-based path),
    /// the values people share are serialized once.
    /// </summary>
    private AuditEvent AuditEntry(AuditActor actor, PersonOutcome outcome, MembershipValues? before, Guid organizationId, Guid parentOrganizationId,
        AuditEntryJson? json = null)
    {
        var desired = outcome.Desired!;
        return audit.CreateSerialized(actor, json?.Action(outcome.Changes, Action) ?? Action(outcome.Changes), outcome.Person.Email,
            json is null ? (before is null ? null : AuditLog.Json(before)) : json.Before(before),
            json?.After(desired, outcome.Reasons, After) ?? After((desired, outcome.Reasons)), organizationId, parentOrganizationId);

        static string Action(IReadOnlyList<ChangeKind> changes) => "membership." + string.Join("+", changes.Select(AuditName));

        static string After((DesiredMembership Desired, IReadOnlyList<OutcomeReason> Reasons) after) =>
            AuditLog.Json(new { after.Desired.Role, SeatTier = after.Desired.Tier, after.Desired.Status, Reasons = after.Reasons.Select(r => r.Text).ToList() });
    }

    /// <summary>The IdP now grants the role kept by hand: the override goes, and the log says why.</summary>
    private AuditEvent OverrideClearedEntry(AuditActor actor, PersonOutcome outcome, Guid organizationId, Guid parentOrganizationId)
    {
        var kept = outcome.Person.Membership!.Override!;
        return audit.Create(actor, "membership.role_override_cleared", outcome.Person.Email,
            new { RoleOverride = Roles.RoleCatalog.DisplayName(kept.Role), kept.SetBy }, new { Reason = "The IdP now grants the same role." },
            organizationId, parentOrganizationId);
    }

    private static string AuditName(ChangeKind change) => change switch
    {
        ChangeKind.Provision => "provisioned",
        ChangeKind.Deprovision => "deprovisioned",
        ChangeKind.Promote => "promoted",
        ChangeKind.Demote => "demoted",
        ChangeKind.TierChange => "tier_changed",
        ChangeKind.BecomePending => "pending_seat",
        ChangeKind.Admit => "admitted",
        ChangeKind.Suspend => "suspended",
        ChangeKind.Restore => "restored",
        ChangeKind.BlockSignIn => "sign_in_blocked",
    };
}
