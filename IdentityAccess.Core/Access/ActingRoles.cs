using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>
/// What the acting person is, read from the database for the one check at hand: their role in the organization (none
/// when not an active member), and whether they administer its parent. Never built from a cookie or a caller's word.
/// </summary>
/// <param name="Product">The organization's product; for a parent-scoped check, <see cref="Product.Chat"/> (roles do not apply).</param>
public sealed record ActingRoles(Guid? PersonId, Product Product, Role? OrganizationRole, bool IsParentAdmin, bool IsTopRoleOfAnOrganization = false)
{
    /// <summary>The operator command line, which runs with the database's own rights.</summary>
    public bool IsOperator { get; init; }

    public static ActingRoles Operator { get; } = new(null, Product.Chat, null, false) { IsOperator = true };

    public bool IsTopRole => OrganizationRole is { } role && role == RoleCatalog.TopRole(Product);
}
