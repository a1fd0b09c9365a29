using IdentityAccess.Core.Members;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>Where a person stands in one organization of the parent right after signing in through SSO.</summary>
/// <param name="ProvisionsJustInTime">The organization's mode is JIT: this sign-in ran its rules.</param>
/// <param name="Status">Their membership's status; null when they have none (never provisioned, or not in a mapped group).</param>
/// <param name="Reason">The rule engine's last reason for a JIT organization, for the audit trail.</param>
public sealed record OrganizationAccess(Guid OrganizationId, string OrganizationName, bool ProvisionsJustInTime, MembershipStatus? Status, string? Reason)
{
    public bool CanSignIn => Status == MembershipStatus.Active;
}
