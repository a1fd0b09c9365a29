using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A what-if question, as the settings page's simulator asks it: under these settings (the saved ones when none are
/// sent), what happens to this directory person (<paramref name="Email"/>), or to a newcomer in these groups
/// (<paramref name="GroupKeys"/>)? One of the two, not both.
/// </summary>
internal sealed record ApiWhatIfRequest(ApiSettingsRequest? Settings, string? Email, IReadOnlyList<string?>? GroupKeys)
{
    /// <summary>The settings asked about, or the saved ones in the shape a dry run takes them.</summary>
    public ApiSettingsRequest SettingsOr(ProvisioningSettingsView view) => Settings ?? new(view.Saved.Mode.ToString(), view.Saved.AdvancedGroupMappings,
        [.. view.Saved.RoleMappings.Select(m => new ApiMappingInput(m.GroupKey, Role: m.Role.ToString()))],
        [.. view.Saved.TierMappings.Select(m => new ApiMappingInput(m.GroupKey, Tier: m.Tier.ToString()))], view.Saved.BreakGlassPersonId);
}

/// <summary>"Why this role?" for a program: the person's outcome under the saved settings, with the engine's reasons.</summary>
internal sealed record ApiRoleExplanation(string Mode, bool AdvancedGroupMappings, ApiPersonChange Outcome);

/// <summary>One page of the people the IdP assigns who are not members (each with why not), and how many there are in all.</summary>
internal sealed record ApiNotMembers(IReadOnlyList<ApiPersonChange> Items, int Total, string? NextCursor);
