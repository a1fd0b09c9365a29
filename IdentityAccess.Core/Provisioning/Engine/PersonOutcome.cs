namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// What the rules decide for one person, why, and whether it applies now or at their next sign-in (JIT changes
/// role and access only when the person signs in).
/// </summary>
public sealed record PersonOutcome(
    KnownPerson Person,
    DesiredMembership? Desired,
    IReadOnlyList<ChangeKind> Changes,
    IReadOnlyList<OutcomeReason> Reasons,
    bool AtNextSignIn)
{
    public bool IsActiveMember => Desired?.Status == Members.MembershipStatus.Active;

    /// <summary>
    /// Set when this person is kept as they are because what was asked of them would have left the organization
    /// without an active member in its top role: the change that is held, until it is applied or kept.
    /// </summary>
    public AskedChange? HeldTopRole { get; init; }

    /// <summary>The IdP now grants the role that was kept by hand: the override is no longer needed and is cleared.</summary>
    public bool ClearsRoleOverride { get; init; }
}
