using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// An organization's group mappings, the part of its Identity and access settings that says which directory groups
/// give which role and seat tier: the mappings as <see cref="ApiIdentityAccessSettings"/> shows them, the directory's
/// groups to choose from, and the settings version they belong to.
/// </summary>
internal sealed record ApiGroupMappings(Guid OrganizationId, bool AdvancedGroupMappings, IReadOnlyList<ApiRoleMapping> RoleMappings,
    IReadOnlyList<ApiTierMapping> TierMappings, int SettingsVersion, IReadOnlyList<ApiGroup> Groups)
{
    public static ApiGroupMappings From(ApiIdentityAccessSettings settings) =>
        new(settings.OrganizationId, settings.AdvancedGroupMappings, settings.RoleMappings, settings.TierMappings, settings.SettingsVersion, settings.Groups);
}

/// <summary>
/// The mappings a dry run or an apply is asked for, whole (a list left out is none); whether advanced mappings are on
/// stays as saved when not sent. The mode and the break-glass owner are not this resource's: they stay as saved.
/// </summary>
/// <param name="Fingerprint">The apply's: the fingerprint of the dry run that was reviewed.</param>
/// <param name="Confirm">The apply's: the number of other people who lose access or rank, when the dry run asks for it.</param>
internal sealed record ApiGroupMappingsRequest(bool? AdvancedGroupMappings, IReadOnlyList<ApiMappingInput?>? RoleMappings,
    IReadOnlyList<ApiMappingInput?>? TierMappings, string? Fingerprint = null, int? Confirm = null)
{
    /// <summary>The whole settings the settings page would save: these mappings, the rest as saved.</summary>
    public ApiSettingsRequest Completed(ProvisioningSettingsView saved) =>
        new(saved.Saved.Mode.ToString(), AdvancedGroupMappings ?? saved.Saved.AdvancedGroupMappings, RoleMappings ?? [], TierMappings ?? [],
            saved.Saved.BreakGlassPersonId, Fingerprint, Confirm);
}

/// <summary>What an apply of the mappings answers: the mappings as now saved, and the dry run that was applied.</summary>
internal sealed record ApiGroupMappingsApplied(ApiGroupMappings GroupMappings, ApiDryRun Applied);
