using IdentityAccess.Core.Members;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>Where a person stands in one organization of the parent right after signing in through SSO.</summary>
/// <param name="ProvisionsJustInTime">The organization provisions just in time: this sign-in ran its rules.</param>
/// <param name="Status">Their membership's status; null when they have none (never provisioned, or not in a mapped group).</param>
/// <param name="Reason">The rule engine's last reason for a JIT organization, for the audit trail.</param>
/// <param name="MembershipChanges">Memberships this sign-in changed there (0 outside JIT), for the provisioning log.</param>
public sealed record OrganizationAccess(Guid OrganizationId, string OrganizationName, bool ProvisionsJustInTime, MembershipStatus? Status, string? Reason,
    int MembershipChanges = 0)
{
    public bool CanSignIn => Status == MembershipStatus.Active;
}
