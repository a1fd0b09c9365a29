namespace IdentityAccess.Core.Organizations;

/// <summary>
/// Where an organization stands with its parent, for its top role: whether it stands alone (a Console organization
/// with a parent of its own may ask to join another), its pending request, and whether it may leave (it is not the
/// parent's only organization).
/// </summary>
public sealed record ParentMembershipView(Guid ParentId, string ParentName, bool CanRequestToJoin, bool CanLeave, JoinRequestView? PendingRequest);
