namespace IdentityAccess.Core.Outbox;

/// <summary>
/// An email the portal sends (an invitation, a sign-in link), written in the same transaction as what it announces
/// and delivered afterwards: through SMTP when configured, otherwise left here for the portal's outbox page and the
/// operator command line. Delivery never holds up or undoes the change.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public OutboxMessageKind Kind { get; init; }

    public string ToAddress { get; init; } = "";

    public string Subject { get; init; } = "";

    /// <summary>Plain text, links included. Once delivered by SMTP the secret in the link is redacted from this copy.</summary>
    public string TextBody { get; set; } = "";

    /// <summary>The organization it is about, if any: its owners see it on the organization's outbox.</summary>
    public Guid? OrganizationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
