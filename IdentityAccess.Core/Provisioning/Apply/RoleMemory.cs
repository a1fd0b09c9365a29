using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// What a plan leaves in a membership's <see cref="Membership.RoleBeforeSync"/> and <see cref="Membership.RoleOverride"/>,
/// as both apply paths write it: a demotion remembers the role it took (the most permissive one, if demoted twice) so
/// another Admin or Owner can give it back once; the IdP granting that role again forgets it; leaving forgets both.
/// </summary>
internal static class RoleMemory
{
    public static Role? BeforeSync(Product product, Role currentRole, Role? beforeSync, DesiredMembership desired, IReadOnlyList<ChangeKind> changes)
    {
        if (desired.Status == MembershipStatus.Removed)
        {
            return null;
        }

        var known = beforeSync is { } was && RoleCatalog.CheckRole(product, was) is null ? beforeSync : null;
        if (changes.Contains(ChangeKind.Demote))
        {
            return known is { } earlier && RoleCatalog.Rank(product, earlier) < RoleCatalog.Rank(product, currentRole) ? earlier : currentRole;
        }

        return known is { } taken && RoleCatalog.CheckRole(product, desired.Role) is null && RoleCatalog.Rank(product, desired.Role) <= RoleCatalog.Rank(product, taken)
            ? null
            : beforeSync;
    }

    /// <summary>The override goes when the IdP grants its role, and with the membership.</summary>
    public static bool ClearsOverride(PersonOutcome outcome) =>
        outcome.ClearsRoleOverride || outcome.Desired?.Status == MembershipStatus.Removed;
}
