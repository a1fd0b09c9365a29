using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// An organization's Identity and access settings as the API shows them. The editable part (mode,
/// advancedGroupMappings, roleMappings, tierMappings, breakGlassPersonId) is what a dry run and an apply take back;
/// the rest says what may be chosen: the modes the plan allows (and why not, as a code), the roles and tiers of the
/// product, the directory's groups.
/// </summary>
internal sealed record ApiIdentityAccessSettings(Guid OrganizationId, string Mode, bool AdvancedGroupMappings,
    IReadOnlyList<ApiRoleMapping> RoleMappings, IReadOnlyList<ApiTierMapping> TierMappings, Guid? BreakGlassPersonId, ApiPerson? BreakGlass,
    int SettingsVersion, IReadOnlyList<ApiModeAvailability> Modes, IReadOnlyList<string> Roles, IReadOnlyList<string> Tiers,
    IReadOnlyList<ApiGroup> Groups)
{
    public static ApiIdentityAccessSettings From(Guid organizationId, Product product, ProvisioningSettingsView view)
    {
        var saved = view.Saved;
        var names = view.Groups.ToDictionary(g => g.Key, g => g.DisplayName, StringComparer.Ordinal);
        var glass = view.TopRoleMembers.FirstOrDefault(p => p.PersonId == saved.BreakGlassPersonId);
        return new(organizationId, saved.Mode.ToString(), saved.AdvancedGroupMappings,
            [.. saved.RoleMappings.Select(m => new ApiRoleMapping(m.GroupKey, names.GetValueOrDefault(m.GroupKey), m.Role.ToString()))],
            [.. saved.TierMappings.Select(m => new ApiTierMapping(m.GroupKey, names.GetValueOrDefault(m.GroupKey), m.Tier.ToString()))],
            saved.BreakGlassPersonId, glass is null ? null : new ApiPerson(glass.PersonId, glass.DisplayName, glass.Email),
            saved.BaseVersion,
            [.. view.Modes.Select(m => new ApiModeAvailability(m.Mode.ToString(), m.IsAllowed, m.IsAllowed ? null : m.Why.ToString(), m.ReasonUnavailable))],
            [.. RoleCatalog.RolesOf(product).Select(r => r.ToString())], [.. RoleCatalog.TiersOf(product).Select(t => t.ToString())],
            [.. view.Groups.Select(g => new ApiGroup(g.Key, g.DisplayName, g.MemberCount))]);
    }
}

/// <summary>A directory group, by the immutable key mappings name it by, with its current name (null when the directory no longer has it).</summary>
internal sealed record ApiRoleMapping(string GroupKey, string? GroupName, string Role);

internal sealed record ApiTierMapping(string GroupKey, string? GroupName, string Tier);

internal sealed record ApiPerson(Guid PersonId, string Name, string Email);

/// <param name="Reason">Why not, as a code (<c>TeamPlan</c>, <c>UnderParentPlan</c>, <c>ConsoleUnderParentPlan</c>); null when allowed.</param>
internal sealed record ApiModeAvailability(string Mode, bool Allowed, string? Reason, string? Detail);

internal sealed record ApiGroup(string Key, string Name, int MemberCount);
