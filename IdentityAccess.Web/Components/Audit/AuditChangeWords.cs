using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Members;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.Audit;

/// <summary>
/// An audit entry's change in the reader's language, one line per field: "Role: User → Admin". Role and tier names
/// stay English, as everywhere in the portal; statuses, modes and field names are translated; a field the portal does
/// not know keeps its stored name.
/// </summary>
public static class AuditChangeWords
{
    public static string Line(IStringLocalizer localizer, AuditFieldChange change) => (change.Before, change.After) switch
    {
        ({ } before, { } after) => localizer["AuditChange.Changed", Field(localizer, change.Field), Value(localizer, before), Value(localizer, after)],
        (null, { } after) => localizer["AuditChange.Added", Field(localizer, change.Field), Value(localizer, after)],
        ({ } before, null) => localizer["AuditChange.Removed", Field(localizer, change.Field), Value(localizer, before)],
        (null, null) => Field(localizer, change.Field),
    };

    public static string Field(IStringLocalizer localizer, string field) => field switch
    {
        "Role" => localizer["AuditChange.Field.Role"],
        "SeatTier" => localizer["AuditChange.Field.SeatTier"],
        "Status" => localizer["AuditChange.Field.Status"],
        "Mode" => localizer["AuditChange.Field.Mode"],
        "AdvancedGroupMappings" => localizer["AuditChange.Field.AdvancedGroupMappings"],
        "RoleMappings" => localizer["AuditChange.Field.RoleMappings"],
        "TierMappings" => localizer["AuditChange.Field.TierMappings"],
        "BreakGlass" => localizer["AuditChange.Field.BreakGlass"],
        "MembershipChanges" => localizer["AuditChange.Field.MembershipChanges"],
        "Reasons" => localizer["AuditChange.Field.Reasons"],
        "ExpiresAt" => localizer["AuditChange.Field.ExpiresAt"],
        "RoleOverride" => localizer["AuditChange.Field.RoleOverride"],
        "Plan" => localizer["AuditChange.Field.Plan"],
        _ => field,
    };

    public static string Value(IStringLocalizer localizer, AuditValue value) => value switch
    {
        AuditValue.Text text => text.Value,
        AuditValue.Status status => MemberLabels.Status(localizer, status.Value),
        AuditValue.Mode mode => ModeLabels.Name(localizer, mode.Value),
        AuditValue.Flag flag => flag.Value ? localizer["AuditChange.Yes"] : localizer["AuditChange.No"],
        AuditValue.List { Items.Count: 0 } => localizer["AuditChange.None"],
        AuditValue.List list => string.Join("; ", list.Items),
        AuditValue.None => localizer["AuditChange.None"],
        _ => value.ToString(),
    };
}
