using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Roles;

/// <summary>
/// The roles and seat tiers of each product, most permissive first. When a person's groups map to several roles,
/// the first one in this order wins.
/// </summary>
/// <remarks>
/// Console order: Admin manages everything; Developer builds with the API (keys, workbench); Billing manages
/// payment but builds nothing; Claude Code User only uses Claude Code; User only sees the organization. It is the
/// order the product's own help article lists them in, and the UI shows it as such.
/// </remarks>
public static class RoleCatalog
{
    private static readonly IReadOnlyList<Role> _chatRoles = [Role.Owner, Role.Admin, Role.User];
    private static readonly IReadOnlyList<Role> _consoleRoles = [Role.Admin, Role.Developer, Role.Billing, Role.ClaudeCodeUser, Role.User];
    private static readonly IReadOnlyList<SeatTier> _chatTiers = [SeatTier.Premium, SeatTier.Standard];

    public static IReadOnlyList<Role> RolesOf(Product product) => product switch
    {
        Product.Chat => _chatRoles,
        Product.Console => _consoleRoles,
    };

    public static IReadOnlyList<SeatTier> TiersOf(Product product) => product switch
    {
        Product.Chat => _chatTiers,
        Product.Console => [],
    };

    /// <summary>The role a provisioned person gets when nothing else decides.</summary>
    public static Role DefaultRole => Role.User;

    /// <summary>The role that can configure identity and access: Owner for chat, Admin for Console.</summary>
    public static Role TopRole(Product product) => RolesOf(product)[0];

    public static bool HasSeatTiers(Product product) => TiersOf(product).Count > 0;

    /// <summary>0 is the most permissive; a role the product does not have has no rank.</summary>
    public static int Rank(Product product, Role role)
    {
        var index = IndexOf(RolesOf(product), role);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(role), role, $"{product} has no role {role}.");
    }

    public static Role MostPermissive(Product product, IEnumerable<Role> roles) =>
        roles.MinBy(role => Rank(product, role));

    public static Error? CheckRole(Product product, Role role) =>
        IndexOf(RolesOf(product), role) >= 0
            ? null
            : new ValidationFailed(nameof(role), ValidationRule.RoleNotInProduct, DisplayName(role), product);

    /// <summary>Chat members always hold a tier; Console members never do.</summary>
    public static Error? CheckTier(Product product, SeatTier? tier) => (HasSeatTiers(product), tier) switch
    {
        (true, null) => new ValidationFailed(nameof(tier), ValidationRule.TierRequired),
        (false, not null) => new ValidationFailed(nameof(tier), ValidationRule.NoSeatTiers),
        _ => null,
    };

    public static string DisplayName(Role role) => role switch
    {
        Role.Owner => "Owner",
        Role.Admin => "Admin",
        Role.Developer => "Developer",
        Role.Billing => "Billing",
        Role.ClaudeCodeUser => "Claude Code User",
        Role.User => "User",
    };

    private static int IndexOf<T>(IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}
