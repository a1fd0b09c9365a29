using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// A role kept by hand (<see cref="CurrentMembership.Override"/>) wins over the role a member's groups give, or the
/// lack of one, until the two agree: then the override is cleared. Only the role is kept; a person the IdP unassigns
/// or deactivates still leaves (the top-role hold and the break-glass owner cover the organization's last way in).
/// </summary>
internal static class RoleOverrides
{
    /// <param name="fromGroups">What the groups alone decide for the member.</param>
    /// <param name="idpRole">The role the groups grant; null when they grant none, or are incomplete.</param>
    public static Target Apply(ProvisioningInput input, KnownPerson person, Target fromGroups, Role? idpRole, MembershipSource source)
    {
        var product = input.Organization.Product;
        if (person.Membership is not { IsMember: true, Override: { } kept } || RoleCatalog.CheckRole(product, kept.Role) is not null)
        {
            return fromGroups;
        }

        if (idpRole == kept.Role)
        {
            return fromGroups with
            {
                ClearsRoleOverride = true,
                Reasons = [.. fromGroups.Reasons, OutcomeReason.Of(ReasonCode.OverrideCleared, RoleCatalog.DisplayName(kept.Role))],
            };
        }

        List<OutcomeReason> reasons = [Reason(product, kept), .. fromGroups.Reasons];
        return fromGroups.Kind == TargetKind.Member
            ? fromGroups with { Role = kept.Role, Reasons = reasons }
            : new Target(TargetKind.Member, kept.Role, null, source, reasons, fromGroups.AtNextSignIn);
    }

    public static OutcomeReason Reason(Organizations.Product product, RoleOverride kept)
    {
        var by = kept.SetBy is { Length: > 0 } who ? who : null;
        DateOnly? on = kept.SetAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;
        var code = (by, on) switch
        {
            (null, null) => ReasonCode.RoleKeptByHand,
            (_, null) => ReasonCode.RoleKeptByHandSetBy,
            (null, _) => ReasonCode.RoleKeptByHandSetOn,
            _ => ReasonCode.RoleKeptByHandSetByOn,
        };
        return OutcomeReason.Of(code, RoleCatalog.DisplayName(kept.Role), RoleCatalog.DisplayName(RoleCatalog.TopRole(product)), by, on);
    }
}
