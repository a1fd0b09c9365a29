namespace IdentityAccess.Core.Organizations;

/// <summary>A pending request of an organization to join a parent organization.</summary>
public sealed record JoinRequestView(Guid Id, Guid OrganizationId, string OrganizationName, OrganizationPlan Plan, int MemberCount,
    Guid ParentId, string ParentName, string RequestedBy, DateTimeOffset RequestedAt);
