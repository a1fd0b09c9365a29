using IdentityAccess.Core.Members;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A member as the API shows it; <paramref name="RoleOverride"/> is a role kept by hand where the IdP decides roles, and
/// <paramref name="PreviousRole"/> the role sync took that may be restored once, as the members page's menu offers them.
/// </summary>
internal sealed record ApiMember(Guid Id, Guid PersonId, string Email, string Name, string Role, string? SeatTier, string Status, string Source,
    DateTimeOffset JoinedAt, string? RoleOverride, string? PreviousRole)
{
    public static ApiMember From(MemberListItem member) => new(member.MembershipId, member.PersonId, member.Email, member.DisplayName,
        member.Role.ToString(), member.SeatTier?.ToString(), member.Status.ToString(), member.Source.ToString(), member.CreatedAt,
        member.RoleOverride?.ToString(), member.RoleBeforeSync?.ToString());
}
