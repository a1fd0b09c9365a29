namespace IdentityAccess.Core.Outbox;

/// <summary>
/// The <c>Email:Smtp</c> section. Empty <see cref="Host"/>: no email is sent, and messages stay in the outbox, where the
/// members page, the operator command line and (in Development) the mailbox page show them.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; set; }

    /// <summary>587 (submission, STARTTLS) by default; 465 means TLS from the first byte.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Empty: the server is not asked to authenticate us.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>IdentityAccess &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Off only for a relay on the same host or network; the links in these emails sign people in.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>How often the outbox is looked at for messages due.</summary>
    public int PollSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
