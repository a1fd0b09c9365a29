using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>Which roles hold which permissions, per product.</summary>
public static class OrganizationPermissions
{
    public static bool Allows(Product product, Role role, Permission permission) => permission switch
    {
        Permission.ViewOrganization => true,
        // Chat admins manage people; only the top role (chat Owner, Console Admin) changes how people get in.
        Permission.ManageMembers => role == RoleCatalog.TopRole(product) || (product == Product.Chat && role == Role.Admin),
        Permission.ManageIdentityAccess => role == RoleCatalog.TopRole(product),
        Permission.ViewAuditLog => role == RoleCatalog.TopRole(product),
    };

    public static string Describe(Product product, Permission permission) => permission switch
    {
        Permission.ViewOrganization => "members of this organization",
        Permission.ManageMembers => product == Product.Chat ? "the organization's Owners and Admins" : "the organization's Admins",
        Permission.ManageIdentityAccess or Permission.ViewAuditLog =>
            product == Product.Chat ? "the organization's Owners" : "the organization's Admins",
    };
}
