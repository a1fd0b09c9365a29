using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A pending request of an organization to join a parent, as both sides' sections show it.</summary>
internal sealed record ApiJoinRequest(Guid Id, Guid OrganizationId, string OrganizationName, string Plan, int MemberCount, Guid ParentId, string ParentName,
    string RequestedBy, DateTimeOffset RequestedAt)
{
    public static ApiJoinRequest From(JoinRequestView request) => new(request.Id, request.OrganizationId, request.OrganizationName, request.Plan.ToString(),
        request.MemberCount, request.ParentId, request.ParentName, request.RequestedBy, request.RequestedAt);
}

/// <summary>An organization's standing with its parent, for its top role: whether it may ask to join another parent or leave, and its pending request.</summary>
internal sealed record ApiParentMembership(Guid ParentId, string ParentName, bool CanRequestToJoin, bool CanLeave, ApiJoinRequest? PendingRequest)
{
    public static ApiParentMembership From(ParentMembershipView view) =>
        new(view.ParentId, view.ParentName, view.CanRequestToJoin, view.CanLeave, view.PendingRequest is { } pending ? ApiJoinRequest.From(pending) : null);
}

/// <summary>The parent an organization asks to join, by its id (the parent page shows it).</summary>
internal sealed record ApiJoinRequestRequest(Guid? ParentId);
