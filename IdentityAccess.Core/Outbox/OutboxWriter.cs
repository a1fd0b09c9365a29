using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// Adds an email to the caller's unit of work, so it is saved exactly when the change it announces is (an invitation
/// and its email, or neither). Delivery happens afterwards, in <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class OutboxWriter(TimeProvider time)
{
    public OutboxMessage Add(IdentityAccessDbContext db, OutboxMessageKind kind, string to, string subject, string textBody, Guid? organizationId = null)
    {
        var message = new OutboxMessage
        {
            Kind = kind,
            ToAddress = to,
            Subject = subject,
            TextBody = textBody,
            OrganizationId = organizationId,
            CreatedAt = time.GetUtcNow(),
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
