using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for the outbox's delivery tests: the subset of RFC 5321 MailKit uses (EHLO, AUTH
/// PLAIN per RFC 4954, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS. The only stand-in in the suite: the mail server is
/// outside the product. It records what it received and can refuse mail with a temporary error (451).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public sealed record Mail(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The message as MimeKit reads it back (the transfer encoding undone).</summary>
        public MimeKit.MimeMessage Message => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
    }

    public int Port { get; }

    public ConcurrentQueue<Mail> Received { get; } = new();

    /// <summary>The user name and password of the last AUTH PLAIN.</summary>
    public (string UserName, string Password)? Credentials { get; private set; }

    /// <summary>While true, MAIL FROM is answered "451 try again later".</summary>
    public bool RefuseMail { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped while waiting for the next connection
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP ready");
        var (from, to) = ("", new List<string>());
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism, var initial] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    // RFC 4616: authzid NUL authcid NUL passwd
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
                    Credentials = (parts[1], parts[2]);
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    (from, to) = (line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), []);
                    await writer.WriteLineAsync(RefuseMail ? "451 4.3.0 Mailbox busy, try again later" : "250 2.1.0 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine); // RFC 5321 §4.5.2
                    }

                    Received.Enqueue(new Mail(from, [.. to], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 OK queued");
                    break;
                case "RSET" or "NOOP" or "HELO":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }
}
