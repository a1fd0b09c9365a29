using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>Either the organization joined, or why not.</summary>
public sealed record InvitationAcceptOutcome(AcceptedInvitation? Joined, Error? Refusal);
