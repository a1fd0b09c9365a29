namespace IdentityAccess.Core.Members.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
