namespace IdentityAccess.Core.Outbox;

public enum OutboxMessageKind
{
    Invitation,
    SignInLink,
}
