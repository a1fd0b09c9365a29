using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>
/// The acting person's roles do not hold the permission: says who does, and what the person is here. The parts of the
/// sentence (<see cref="Because"/>, the <see cref="Product"/> whose roles hold it, the place, the person's role) are kept
/// for the portal to say in the reader's language; <see cref="Error.Message"/> is the English sentence.
/// </summary>
public sealed record AccessRefused(Permission Permission, AccessRefusedBecause Because, Product Product, string PlaceName, Role? Role)
    : NotAllowedError(Describe(Permission, Because, Product, PlaceName, Role))
{
    /// <summary>The help article's "I lost Admin/Owner after enabling advanced group mappings" is told with the role's refusal of these.</summary>
    public bool HasLostTopRoleHint => Because == AccessRefusedBecause.RoleLacksPermission
        && Permission is Permission.ManageIdentityAccess or Permission.ViewIdentityAccess;

    public static AccessRefused NotAMember(Permission permission, Product product, string organizationName) =>
        new(permission, AccessRefusedBecause.NotAMember, product, organizationName, null);

    public static AccessRefused ForRole(Permission permission, Product product, string organizationName, Role role) =>
        new(permission, AccessRefusedBecause.RoleLacksPermission, product, organizationName, role);

    public static AccessRefused NotParentAdmin(Permission permission, string parentName) =>
        new(permission, AccessRefusedBecause.NotParentAdmin, Product.Chat, parentName, null);

    private static string Describe(Permission permission, AccessRefusedBecause because, Product product, string place, Role? role) => because switch
    {
        AccessRefusedBecause.NotAMember => $"You are not a member of {place}.",
        AccessRefusedBecause.RoleLacksPermission => $"This is for {OrganizationPermissions.Describe(product, permission)}. " +
            $"Your role in {place} is {RoleCatalog.DisplayName(role!.Value)}." + LostTopRoleHint(product, permission),
        AccessRefusedBecause.NotParentAdmin =>
            $"This is for {OrganizationPermissions.Describe(product, permission)}. You are not an admin of the parent organization {place}.",
    };

    // The help article's "I lost Admin/Owner after enabling advanced group mappings", answered where it is felt.
    private static string LostTopRoleHint(Product product, Permission permission)
    {
        if (permission != Permission.ManageIdentityAccess && permission != Permission.ViewIdentityAccess)
        {
            return "";
        }

        var top = RoleCatalog.DisplayName(RoleCatalog.TopRole(product));
        return $" If you were {top} and lost it after group mappings changed: your IdP administrator adds you back to the group mapped to {top}, " +
            $"then another Admin or {top} presses Sync now on Identity and access (with JIT, sign out and in again). Another Admin or {top} can also " +
            "give your role back on the Members page (Restore previous role); sync keeps it until your groups grant it. The organization's " +
            "break-glass owner is never affected by sync.";
    }
}
