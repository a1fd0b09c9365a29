using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What a dry run was, in a short hash: the settings version it started from, the settings asked for and everything
/// it would do to whom (and why). A program applies with the fingerprint of the dry run it reviewed; anything in the
/// directory, the settings or the mappings that changes the outcome changes the fingerprint, and the apply is refused.
/// The refusals are not in it: they follow from the same input, and are checked again at the apply anyway.
/// </summary>
public static class PreviewFingerprint
{
    public static string Of(ProvisioningPlan plan, int affectedOthers)
    {
        var text = new StringBuilder();
        var settings = plan.Settings;
        Line(text, "v1", plan.Organization.OrganizationId, plan.Organization.SettingsVersion, plan.Organization.CurrentMode, affectedOthers);
        Line(text, settings.Mode, settings.AdvancedGroupMappings, settings.BreakGlassPersonId);
        foreach (var mapping in settings.RoleMappings)
        {
            Line(text, "role", mapping.GroupKey, mapping.Role);
        }

        foreach (var mapping in settings.TierMappings)
        {
            Line(text, "tier", mapping.GroupKey, mapping.Tier);
        }

        // In a fixed order, so the same outcome hashes the same however the people were loaded.
        foreach (var outcome in plan.Outcomes.OrderBy(o => o.Person.Key).ThenBy(o => o.Person.Email, StringComparer.Ordinal))
        {
            var desired = outcome.Desired;
            Line(text, outcome.Person.Key, outcome.Person.Email, desired?.Role, desired?.Tier, desired?.Status, desired?.Source,
                string.Join('+', outcome.Changes), outcome.AtNextSignIn, outcome.HeldTopRole is not null, string.Join(' ', outcome.Reasons.Select(r => r.Text)));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static void Line(StringBuilder text, params object?[] values) =>
        text.AppendJoin('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\u001e');
}
