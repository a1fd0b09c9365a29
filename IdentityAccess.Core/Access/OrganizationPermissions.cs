using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>
/// Who may do what: the one table. An organization is governed by its own top role (chat Owner, Console Admin), with
/// chat Admins managing people; a parent organization, and what it owns for all its organizations (SSO connection,
/// domains, SCIM directory, which organizations are joined), only by its parent admins. The sentence a refusal gives
/// ("This is for …") is derived from the same table, and so is the permissions page of the guide (a test keeps it so).
/// </summary>
public static class OrganizationPermissions
{
    public static PermissionScope ScopeOf(Permission permission) => permission switch
    {
        Permission.ViewOrganization or Permission.ManageMembers or Permission.ChangeTopRole or Permission.RestorePreviousRole
            or Permission.BuySeats or Permission.ViewIdentityAccess or Permission.ManageIdentityAccess or Permission.RunSyncNow
            or Permission.ResolveHeldChanges or Permission.RemoveBreakGlassOwner or Permission.ViewAuditLog
            or Permission.ChangeParentMembership => PermissionScope.Organization,
        Permission.ViewParent or Permission.ManageParentSettings or Permission.ManageParentAdmins or Permission.ManageParentOrganizations
            or Permission.ChangeParentPlan or Permission.SyncParentDirectory => PermissionScope.Parent,
    };

    public static bool Allows(ActingRoles who, Permission permission)
    {
        if (who.IsOperator)
        {
            return true;
        }

        var top = who.IsTopRole;
        var chatAdmin = who.Product == Product.Chat && who.OrganizationRole == Role.Admin;
        var parentAdmin = who.IsParentAdmin;
        return permission switch
        {
            Permission.ViewOrganization => who.OrganizationRole is not null || parentAdmin,
            // Chat Admins manage people; only the top role hands out or takes away the top role.
            Permission.ManageMembers => top || chatAdmin,
            Permission.ChangeTopRole => top,
            // The help article's recovery: "another Admin or Owner" gives a demoted owner their role back.
            Permission.RestorePreviousRole => top || chatAdmin,
            Permission.BuySeats => top,
            Permission.ViewIdentityAccess => top || chatAdmin || parentAdmin,
            Permission.ManageIdentityAccess => top,
            // The help article: "ask another Admin or Owner to click Sync now".
            Permission.RunSyncNow => top || chatAdmin || parentAdmin,
            Permission.ResolveHeldChanges => top || parentAdmin,
            // The break-glass owner is how an organization gets back in when its IdP goes wrong: not its own members' to remove.
            Permission.RemoveBreakGlassOwner => parentAdmin,
            Permission.ViewAuditLog => top || parentAdmin,
            Permission.ChangeParentMembership => top,
            Permission.ViewParent => parentAdmin || who.IsTopRoleOfAnOrganization,
            Permission.ManageParentSettings or Permission.ManageParentAdmins or Permission.ManageParentOrganizations
                or Permission.ChangeParentPlan or Permission.SyncParentDirectory => parentAdmin,
        };
    }

    /// <summary>For places that know only a role (the home page's links): a member who is not a parent admin.</summary>
    public static bool Allows(Product product, Role role, Permission permission) => Allows(new ActingRoles(null, product, role, false), permission);

    /// <summary>The organization roles of <paramref name="product"/> that hold <paramref name="permission"/>, most permissive first.</summary>
    public static IReadOnlyList<Role> RolesAllowed(Product product, Permission permission) =>
        [.. RoleCatalog.RolesOf(product).Where(role => Allows(new ActingRoles(null, product, role, false), permission))];

    /// <summary>Whether a parent admin holds <paramref name="permission"/> without any role in the organization.</summary>
    public static bool ParentAdminsAllowed(Product product, Permission permission) =>
        Allows(new ActingRoles(null, product, null, IsParentAdmin: true), permission);

    /// <summary>Who holds a permission, in words: "the organization's Owners and Admins, and the parent organization's admins".</summary>
    public static string Describe(Product product, Permission permission)
    {
        if (ScopeOf(permission) == PermissionScope.Parent)
        {
            return permission == Permission.ViewParent
                ? "the parent organization's admins, and the Owners (chat) or Admins (Console) of its organizations"
                : "the parent organization's admins";
        }

        var roles = RolesAllowed(product, permission);
        var who = new List<string>();
        if (roles.Count == RoleCatalog.RolesOf(product).Count)
        {
            who.Add("members of this organization");
        }
        else if (roles.Count > 0)
        {
            who.Add("the organization's " + JoinWords([.. roles.Select(r => RoleCatalog.DisplayName(r) + "s")]));
        }

        if (ParentAdminsAllowed(product, permission))
        {
            who.Add("the parent organization's admins");
        }

        return who.Count == 0 ? "nobody" : JoinWords(who, ", and ");
    }

    private static string JoinWords(IReadOnlyList<string> words, string last = " and ") => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + last + words[^1],
    };
}
