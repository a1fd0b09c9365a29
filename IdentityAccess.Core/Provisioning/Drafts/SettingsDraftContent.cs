using System.Text.Json;
using System.Text.Json.Serialization;
using IdentityAccess.Core.GroupMappings;

namespace IdentityAccess.Core.Provisioning.Drafts;

/// <summary>
/// What a kept draft stores of a <see cref="ProvisioningDraft"/>, as JSON: everything the form edits, without the
/// version (kept in its own column). Enums as names, so a reordered enum cannot change a kept draft's meaning.
/// </summary>
internal sealed record SettingsDraftContent(
    ProvisioningMode Mode,
    bool AdvancedGroupMappings,
    IReadOnlyList<RoleMapping> RoleMappings,
    IReadOnlyList<TierMapping> TierMappings,
    Guid? BreakGlassPersonId)
{
    /// <summary>Far above a real form (a few dozen mappings); what is bigger is not a form's draft.</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(ProvisioningDraft draft) =>
        JsonSerializer.Serialize(new SettingsDraftContent(draft.Mode, draft.AdvancedGroupMappings, draft.RoleMappings, draft.TierMappings, draft.BreakGlassPersonId), _json);

    public static ProvisioningDraft Deserialize(string json, int startedFromVersion)
    {
        var content = JsonSerializer.Deserialize<SettingsDraftContent>(json, _json)!;
        return new ProvisioningDraft(content.Mode, content.AdvancedGroupMappings, content.RoleMappings ?? [], content.TierMappings ?? [],
            content.BreakGlassPersonId, startedFromVersion);
    }
}
