using IdentityAccess.Core.Members;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A member as the API shows it.</summary>
internal sealed record ApiMember(Guid Id, Guid PersonId, string Email, string Name, string Role, string? SeatTier, string Status, string Source,
    DateTimeOffset JoinedAt)
{
    public static ApiMember From(MemberListItem member) => new(member.MembershipId, member.PersonId, member.Email, member.DisplayName,
        member.Role.ToString(), member.SeatTier?.ToString(), member.Status.ToString(), member.Source.ToString(), member.CreatedAt);
}
