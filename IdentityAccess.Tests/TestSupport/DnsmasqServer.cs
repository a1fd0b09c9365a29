using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A real DNS server on 127.0.0.1 (Debian's dnsmasq, installed by scripts/test.sh) answering only the TXT records
/// it is given, so domain verification is tested against a resolver rather than a fake.
/// </summary>
public sealed class DnsmasqServer : IDisposable
{
    private const string Binary = "/usr/sbin/dnsmasq";
    private readonly Process _process;

    private DnsmasqServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts the server on a free port, or on <paramref name="port"/> (a stopped server's, to "publish" new records
    /// at the same address). dnsmasq binds UDP and TCP; a port taken meanwhile is retried.
    /// </summary>
    public static async Task<DnsmasqServer> StartAsync(IEnumerable<(string Name, string Value)> txtRecords, int? port = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing. The README's test command (scripts/test.sh) installs dnsmasq-base.");
        }

        var records = txtRecords.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var listenPort = port ?? FreePort();
            var process = Start(records, listenPort);
            var server = new DnsmasqServer(process, listenPort);
            try
            {
                await server.WaitUntilAnsweringAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                server.Dispose();
                await Task.Delay(200);
            }
        }
    }

    private static Process Start(List<(string Name, string Value)> records, int listenPort)
    {
        var info = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll", "--bind-interfaces", "--listen-address=127.0.0.1",
                     $"--port={listenPort}", "--pid-file=", "--user=root", "--log-facility=-" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in records)
        {
            info.ArgumentList.Add($"--txt-record={name},{value}"); // argv, not a shell: no quoting (values here have no commas)
        }

        return Process.Start(info)!;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // Free for both protocols at this moment; a race with another process is handled by the retry.
    internal static int FreePort()
    {
        while (true)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for UDP: try another
            }
        }
    }

    // dnsmasq binds in a few milliseconds; a query that gets any answer means it is up.
    private async Task WaitUntilAnsweringAsync()
    {
        var client = new DnsClient.LookupClient(new DnsClient.LookupClientOptions(new IPEndPoint(IPAddress.Loopback, Port)) { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0, ThrowDnsErrors = false });
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                await client.QueryAsync("probe.invalid", DnsClient.QueryType.TXT);
                return;
            }
            catch (DnsClient.DnsResponseException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("dnsmasq did not answer on 127.0.0.1:" + Port);
    }
}
