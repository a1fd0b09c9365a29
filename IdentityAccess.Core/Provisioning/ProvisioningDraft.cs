using IdentityAccess.Core.GroupMappings;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// An organization's provisioning settings as edited and not yet saved. <see cref="BaseVersion"/> is the settings
/// version the draft started from, so a stale draft cannot overwrite a newer save.
/// </summary>
public sealed record ProvisioningDraft(
    ProvisioningMode Mode,
    bool AdvancedGroupMappings,
    IReadOnlyList<RoleMapping> RoleMappings,
    IReadOnlyList<TierMapping> TierMappings,
    Guid? BreakGlassPersonId,
    int BaseVersion)
{
    public static ProvisioningDraft Manual(int baseVersion = 1) => new(ProvisioningMode.Manual, false, [], [], null, baseVersion);

    /// <summary>Mappings only count while the toggle is on; switched off they are kept but ignored.</summary>
    public bool UsesMappings => AdvancedGroupMappings && Mode != ProvisioningMode.Manual;

    /// <summary>The same settings, whatever version each started from: the form's "unsaved changes" and a kept draft's test.</summary>
    public bool HasSameSettingsAs(ProvisioningDraft other) =>
        Mode == other.Mode && AdvancedGroupMappings == other.AdvancedGroupMappings && BreakGlassPersonId == other.BreakGlassPersonId
        && RoleMappings.SequenceEqual(other.RoleMappings) && TierMappings.SequenceEqual(other.TierMappings);
}
