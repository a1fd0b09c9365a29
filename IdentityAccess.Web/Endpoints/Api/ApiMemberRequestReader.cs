using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Reads a members request into what the members page's dialogs hand to Core: a name that is no role or tier at all is
/// refused here, by its field. Whether the role or tier fits the organization (a Console role in a chat organization, a
/// tier for a Console one), the email and the name are Core's to say, as for the page.
/// </summary>
internal static class ApiMemberRequestReader
{
    public static (NewMember? Member, IReadOnlyList<ApiRefusal> Errors) ReadNew(ApiNewMemberRequest body)
    {
        var errors = new List<ApiRefusal>();
        var role = body.Role is null ? RoleCatalog.DefaultRole : Named<Role>(body.Role, "role", errors);
        var tier = body.Tier is null ? null : Named<SeatTier>(body.Tier, "tier", errors);
        return errors.Count > 0 || role is null ? (null, errors) : (new NewMember(body.Email ?? "", body.DisplayName ?? "", role.Value, tier), errors);
    }

    /// <summary>The role and tier the member is to have: what was sent, and what they have for what was not.</summary>
    public static ((Role Role, SeatTier? Tier)? Change, IReadOnlyList<ApiRefusal> Errors) ReadChange(ApiMemberChangeRequest body, MemberListItem member)
    {
        var errors = new List<ApiRefusal>();
        if (body.Role is null && body.Tier is null)
        {
            errors.Add(ApiRefusal.Invalid("role", "Required", "Send a role, a tier or both."));
            return (null, errors);
        }

        var role = body.Role is null ? member.Role : Named<Role>(body.Role, "role", errors);
        var tier = body.Tier is null ? member.SeatTier : Named<SeatTier>(body.Tier, "tier", errors);
        return errors.Count > 0 || role is null ? (null, errors) : ((role.Value, tier), errors);
    }

    private static T? Named<T>(string value, string field, List<ApiRefusal> errors) where T : struct, Enum
    {
        if (ApiSettingsRequestReader.Name<T>(value) is { } named)
        {
            return named;
        }

        errors.Add(ApiRefusal.Invalid(field, field == "role" ? "UnknownRole" : "UnknownTier",
            $"'{value}' is not a {field}: use one of {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }
}
