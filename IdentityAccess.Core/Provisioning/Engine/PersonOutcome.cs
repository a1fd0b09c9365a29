namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// What the rules decide for one person, why, and whether it applies now or at their next sign-in (JIT changes
/// role and access only when the person signs in).
/// </summary>
public sealed record PersonOutcome(
    KnownPerson Person,
    DesiredMembership? Desired,
    IReadOnlyList<ChangeKind> Changes,
    IReadOnlyList<string> Reasons,
    bool AtNextSignIn)
{
    public bool IsActiveMember => Desired?.Status == Members.MembershipStatus.Active;
}
