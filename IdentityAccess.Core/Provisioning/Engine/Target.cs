using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>A person's target before seat allocation. A null <see cref="MappedTier"/> means the default tier rule applies.</summary>
internal sealed record Target(TargetKind Kind, Role Role, SeatTier? MappedTier, MembershipSource Source, IReadOnlyList<OutcomeReason> Reasons, bool AtNextSignIn)
{
    /// <summary>The IdP's groups now give the role a member kept by hand: the override is cleared.</summary>
    public bool ClearsRoleOverride { get; init; }

    public static Target Keep(KnownPerson person, OutcomeReason reason) =>
        new(TargetKind.KeepAsIs, person.Membership!.Role, person.Membership.Tier, person.Membership.Source, SharedOutcomeParts.Alone(reason), false);

    public static Target None(OutcomeReason reason) => None(SharedOutcomeParts.Alone(reason));

    public static Target None(IReadOnlyList<OutcomeReason> reasons) => new(TargetKind.NotMember, RoleCatalog.DefaultRole, null, MembershipSource.Manual, reasons, false);

    public static Target Leave(TargetKind kind, KnownPerson person, OutcomeReason reason, bool atNextSignIn = false) =>
        Leave(kind, person, SharedOutcomeParts.Alone(reason), atNextSignIn);

    public static Target Leave(TargetKind kind, KnownPerson person, IReadOnlyList<OutcomeReason> reasons, bool atNextSignIn = false) =>
        new(kind, person.Membership!.Role, person.Membership.Tier, person.Membership.Source, reasons, atNextSignIn);
}
