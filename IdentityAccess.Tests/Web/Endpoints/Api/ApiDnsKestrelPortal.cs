using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// <see cref="ApiKestrelPortal"/> whose domain checks ask a DNS server of its own on 127.0.0.1 (dnsmasq), never public
/// DNS; a test publishes a TXT record by restarting it at the same address with every record published so far.
/// </summary>
public class ApiDnsKestrelPortal : ApiKestrelPortal, IAsyncLifetime
{
    private readonly List<(string Name, string Value)> _records = [("probe.example", "v=spf1 -all")];
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private DnsmasqServer? _dns;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _dns = await DnsmasqServer.StartAsync(_records);
        Settings["Sso:Dns:Servers:0"] = _dns.Address;
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _dns?.Dispose();
        _publishing.Dispose();
    }

    /// <summary>The owner publishes <paramref name="value"/> at <paramref name="name"/>: DNS answers it from now on.</summary>
    public async Task PublishAsync(string name, string value)
    {
        await _publishing.WaitAsync();
        try
        {
            _records.Add((name, value));
            var port = _dns!.Port;
            _dns.Dispose();
            _dns = await DnsmasqServer.StartAsync(_records, port);
        }
        finally
        {
            _publishing.Release();
        }
    }
}

/// <summary>The same over PostgreSQL (the server <c>IA_TEST_POSTGRES</c> names).</summary>
public sealed class PostgresApiDnsKestrelPortal : ApiDnsKestrelPortal
{
    protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
}
