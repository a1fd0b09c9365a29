using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IdentityAccess.Core.Outbox;

/// <summary>Sends one message through the configured SMTP server (MailKit). One connection per message: few are sent.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var mime = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.TextBody } };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        // One Message-ID per outbox row: a retry after a lost reply is recognisable as the same message.
        mime.MessageId = $"{message.Id:N}@{MailboxAddress.Parse(smtp.From).Domain}";

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
