using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The settings page's mutable model; it becomes Core's immutable <see cref="ProvisioningDraft"/> on save.</summary>
public sealed class AccessSettingsForm
{
    public ProvisioningMode Mode { get; set; }

    public bool AdvancedGroupMappings { get; set; }

    public List<RoleMapping> RoleMappings { get; } = [];

    public List<TierMapping> TierMappings { get; } = [];

    public Guid? BreakGlassPersonId { get; set; }

    public int BaseVersion { get; private set; }

    public static AccessSettingsForm From(ProvisioningDraft saved)
    {
        var form = new AccessSettingsForm
        {
            Mode = saved.Mode,
            AdvancedGroupMappings = saved.AdvancedGroupMappings,
            BreakGlassPersonId = saved.BreakGlassPersonId,
            BaseVersion = saved.BaseVersion,
        };
        form.RoleMappings.AddRange(saved.RoleMappings);
        form.TierMappings.AddRange(saved.TierMappings);
        return form;
    }

    public ProvisioningDraft ToDraft() =>
        new(Mode, AdvancedGroupMappings, [.. RoleMappings], [.. TierMappings], BreakGlassPersonId, BaseVersion);

    public bool DiffersFrom(ProvisioningDraft saved) => !ToDraft().HasSameSettingsAs(saved);

    /// <summary>
    /// Whether saving changes whom the IdP provisions or how: another mode than Manual, or its mappings changed. That is
    /// when the help article says not to save before everyone is assigned in the IdP.
    /// </summary>
    public bool ChangesWhoTheIdPProvisions(ProvisioningDraft saved) =>
        Mode != ProvisioningMode.Manual
        && (Mode != saved.Mode || AdvancedGroupMappings != saved.AdvancedGroupMappings
            || (AdvancedGroupMappings && MappingsDifferFrom(saved)));

    private bool MappingsDifferFrom(ProvisioningDraft saved) =>
        !RoleMappings.SequenceEqual(saved.RoleMappings) || !TierMappings.SequenceEqual(saved.TierMappings);

    public void AddRole(Role role, string groupKey)
    {
        if (!RoleMappings.Contains(new RoleMapping(groupKey, role)))
        {
            RoleMappings.Add(new RoleMapping(groupKey, role));
        }
    }

    public void AddTier(SeatTier tier, string groupKey)
    {
        if (!TierMappings.Contains(new TierMapping(groupKey, tier)))
        {
            TierMappings.Add(new TierMapping(groupKey, tier));
        }
    }
}
