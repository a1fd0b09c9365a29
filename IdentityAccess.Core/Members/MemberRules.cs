using System.Net.Mail;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

/// <summary>What a change made by hand may do, decided from facts the service has loaded. Pure, so each rule reads alone.</summary>
internal static class MemberRules
{
    public static IReadOnlyList<Error> CheckNewMember(Product product, NewMember member)
    {
        var errors = new List<Error>();
        if (!IsBareAddress(member.Email))
        {
            errors.Add(new ValidationFailed("email", ValidationRule.EmailRequired));
        }

        if (string.IsNullOrWhiteSpace(member.DisplayName) || member.DisplayName.Trim().Length > 200)
        {
            errors.Add(new ValidationFailed("displayName", ValidationRule.DisplayNameRequired));
        }

        if (CheckRoleAndTier(product, member.Role, member.Tier) is { } invalid)
        {
            errors.Add(invalid);
        }

        return errors;
    }

    /// <summary>An email address alone, as a person's email must be; MailAddress also accepts "Name &lt;address&gt;".</summary>
    public static bool IsBareAddress(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length <= 320 && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed;
    }

    public static Error? CheckRoleAndTier(Product product, Role role, SeatTier? tier) =>
        RoleCatalog.CheckRole(product, role) ?? RoleCatalog.CheckTier(product, tier);

    /// <summary>
    /// Only the top role hands out or takes away the top role, so a chat Admin cannot promote themselves or demote an
    /// Owner. <paramref name="from"/> is null for someone joining, <paramref name="to"/> null for someone leaving.
    /// </summary>
    public static Error? CheckTopRoleGate(ActingRoles acting, Role? from, Role? to)
    {
        var top = RoleCatalog.TopRole(acting.Product);
        return (from == top) != (to == top) && !OrganizationPermissions.Allows(acting, Permission.ChangeTopRole)
            ? new OnlyTopRoleChangesTopRole(RoleCatalog.DisplayName(top))
            : null;
    }

    /// <summary>Nobody is evicted to make room: without a free seat the change is refused.</summary>
    public static Error? CheckFreeSeat(SeatTier? tier, int purchased, int used) => used < purchased ? null : new NoFreeSeat(tier);

    /// <summary>True when taking <paramref name="member"/> out of the top role leaves no active member holding it.</summary>
    public static bool LeavesNoTopRole(Product product, Membership member, Role? newRole, bool otherActiveTopRole)
    {
        var top = RoleCatalog.TopRole(product);
        return member.Role == top && member.Status == MembershipStatus.Active && newRole != top && !otherActiveTopRole;
    }
}
