namespace IdentityAccess.Core.Members.Invitations;

/// <summary>
/// Where the latest invitation email is: sent, or still in the outbox (with the last error when SMTP refused it). While
/// unsent, <see cref="Link"/> is the link it carries, so the inviter can pass it on another way; once sent it is gone.
/// The link is of use only to the invited person: accepting needs their sign-in.
/// </summary>
public sealed record InvitationDelivery(DateTimeOffset? SentAt, int Attempts, string? LastError, string? Link);
