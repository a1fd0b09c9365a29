using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Reads the settings a program sends into the draft the settings page would make, refusing each wrong value by its
/// field: a missing or unknown name, a group the directory does not have, a role of the other product, a mode the
/// plan does not allow. The rest (lockout, no Owner left) is the dry run's to say, as for the page.
/// </summary>
internal static class ApiSettingsRequestReader
{
    public static (ProvisioningDraft? Draft, IReadOnlyList<ApiRefusal> Errors) Read(ApiSettingsRequest body, ProvisioningSettingsView view,
        Product product, bool apply)
    {
        var errors = new List<ApiRefusal>();
        var mode = ReadMode(body.Mode, view, errors);
        if (body.AdvancedGroupMappings is null)
        {
            errors.Add(Required("advancedGroupMappings"));
        }

        // A mapping saved before its group left the directory may be sent back as GET gave it.
        var groups = view.Groups.Select(g => g.Key).Concat(view.Saved.RoleMappings.Select(m => m.GroupKey))
            .Concat(view.Saved.TierMappings.Select(m => m.GroupKey)).ToHashSet(StringComparer.Ordinal);
        var roles = ReadMappings(body.RoleMappings, "roleMappings", "role", m => m.Role, RoleCatalog.RolesOf(product), groups, errors)
            .Select(m => new RoleMapping(m.GroupKey, m.Value)).ToList();
        var tiers = new List<TierMapping>();
        if (body.TierMappings is { Count: > 0 } && !RoleCatalog.HasSeatTiers(product))
        {
            errors.Add(ApiRefusal.From(new ValidationFailed("tier", ValidationRule.NoSeatTierMappings)));
        }
        else
        {
            tiers = [.. ReadMappings(body.TierMappings, "tierMappings", "tier", m => m.Tier, RoleCatalog.TiersOf(product), groups, errors)
                .Select(m => new TierMapping(m.GroupKey, m.Value))];
        }

        if (body.BreakGlassPersonId is { } glass && view.TopRoleMembers.All(p => p.PersonId != glass))
        {
            errors.Add(ApiRefusal.From(new ValidationFailed("breakGlass", ValidationRule.BreakGlassNotTopMember)));
        }

        if (apply && string.IsNullOrWhiteSpace(body.Fingerprint))
        {
            errors.Add(ApiRefusal.Invalid("fingerprint", "Required", "Send the fingerprint of the dry run you reviewed: POST …/identity-access/dry-run gives it."));
        }

        return errors.Count > 0 || mode is null
            ? (null, errors)
            : (new ProvisioningDraft(mode.Value, body.AdvancedGroupMappings!.Value, roles, tiers, body.BreakGlassPersonId, view.Saved.BaseVersion), errors);
    }

    private static ProvisioningMode? ReadMode(string? value, ProvisioningSettingsView view, List<ApiRefusal> errors)
    {
        if (value is null)
        {
            errors.Add(Required("mode"));
            return null;
        }

        if (Name<ProvisioningMode>(value) is not { } mode)
        {
            errors.Add(ApiRefusal.Invalid("mode", "UnknownMode", $"'{value}' is not a provisioning mode: use one of {string.Join(", ", Enum.GetNames<ProvisioningMode>())}."));
            return null;
        }

        if (view.Modes.FirstOrDefault(m => m.Mode == mode) is { IsAllowed: false } unavailable)
        {
            errors.Add(ApiRefusal.From(new ModeNotAvailable(unavailable)));
            return null;
        }

        return mode;
    }

    private static List<(string GroupKey, T Value)> ReadMappings<T>(IReadOnlyList<ApiMappingInput?>? mappings, string list, string valueField,
        Func<ApiMappingInput, string?> value, IReadOnlyList<T> allowed, HashSet<string> groups, List<ApiRefusal> errors) where T : struct, Enum
    {
        var read = new List<(string, T)>();
        for (var i = 0; i < (mappings?.Count ?? 0); i++)
        {
            var field = $"{list}[{i}]";
            if (mappings![i] is not { } mapping)
            {
                errors.Add(Required(field));
                continue;
            }

            var named = value(mapping) is { } text ? Name<T>(text) : null;
            if (string.IsNullOrWhiteSpace(mapping.GroupKey))
            {
                errors.Add(Required($"{field}.groupKey"));
            }
            else if (!groups.Contains(mapping.GroupKey))
            {
                errors.Add(ApiRefusal.Invalid($"{field}.groupKey", "UnknownGroup",
                    $"The directory has no group with the key '{mapping.GroupKey}': GET …/identity-access lists its groups."));
            }

            if (value(mapping) is null)
            {
                errors.Add(Required($"{field}.{valueField}"));
            }
            else if (named is null || !allowed.Contains(named.Value))
            {
                errors.Add(ApiRefusal.Invalid($"{field}.{valueField}", named is null ? $"Unknown{Capitalized(valueField)}" : "NotInProduct",
                    $"'{value(mapping)}' is not a {valueField} of this organization: use one of {string.Join(", ", allowed)}."));
            }
            else if (!string.IsNullOrWhiteSpace(mapping.GroupKey) && read.Contains((mapping.GroupKey, named.Value)))
            {
                errors.Add(ApiRefusal.Invalid(field, "DuplicateMapping", $"The group '{mapping.GroupKey}' is already mapped to {named.Value}."));
            }
            else if (!string.IsNullOrWhiteSpace(mapping.GroupKey))
            {
                read.Add((mapping.GroupKey, named.Value));
            }
        }

        return read;
    }

    /// <summary>An enum's value by its name in any case; never by number, which would let "1" mean a role.</summary>
    internal static T? Name<T>(string value) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static ApiRefusal Required(string field) => ApiRefusal.Invalid(field, "Required", $"'{field}' is required.");
}
