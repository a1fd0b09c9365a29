using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>Which role and tier a person's groups map to, with the explanation shown in "Why this role?".</summary>
internal sealed record GroupResolution(Role? Role, SeatTier? Tier, IReadOnlyList<OutcomeReason> Reasons)
{
    public static GroupResolution For(ProvisioningInput input, KnownPerson person)
    {
        var product = input.Organization.Product;
        var groups = person.GroupKeys.ToHashSet(StringComparer.Ordinal);
        var reasons = new List<OutcomeReason>();

        // A role not valid for this product is refused by the guard; here it is simply not counted.
        var roleHits = input.Settings.RoleMappings
            .Where(m => groups.Contains(m.GroupKey) && RoleCatalog.CheckRole(product, m.Role) is null)
            .OrderBy(m => RoleCatalog.Rank(product, m.Role)).ThenBy(m => input.GroupName(m.GroupKey), StringComparer.OrdinalIgnoreCase)
            .ToList();
        Role? role = null;
        if (roleHits.Count > 0)
        {
            role = RoleCatalog.MostPermissive(product, roleHits.Select(m => m.Role));
            var listed = string.Join(", ", roleHits.Select(m => $"'{input.GroupName(m.GroupKey)}' → {RoleCatalog.DisplayName(m.Role)}"));
            reasons.Add(roleHits.Count == 1
                ? OutcomeReason.Of(ReasonCode.GroupRole, listed)
                : OutcomeReason.Of(ReasonCode.GroupsRole, listed, RoleCatalog.DisplayName(role.Value)));
        }

        SeatTier? tier = null;
        if (product == Product.Chat)
        {
            var tierHits = input.Settings.TierMappings.Where(m => groups.Contains(m.GroupKey)).ToList();
            if (tierHits.Count > 0)
            {
                tier = tierHits.Min(m => m.Tier); // Premium sorts before Standard: the most capable tier wins
                reasons.Add(OutcomeReason.Of(ReasonCode.GroupTier, string.Join(", ", tierHits.Select(m => $"'{input.GroupName(m.GroupKey)}' → {m.Tier}"))));
            }
        }

        return new GroupResolution(role, tier, reasons);
    }
}
