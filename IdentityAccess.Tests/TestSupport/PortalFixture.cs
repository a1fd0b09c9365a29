using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// One app on one database with the demo seeded, for one test or the tests of a class. The app may have served an
/// earlier fixture of the same configuration: it then starts on the database as it was right after that app's start
/// (<see cref="StartedPortals"/>).
/// </summary>
public abstract class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private Uri? _kestrelAddress;
    private StartedPortal? _started;

    public IdentityAccessWebFactory Factory { get; private set; } = default!;

    public DemoData Demo { get; private set; } = default!;

    /// <summary>Configuration for the app under test, set before <see cref="InitializeAsync"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// The app's clock (a FakeTimeProvider, say), set before <see cref="InitializeAsync"/>; the system clock when null.
    /// An app handed on from an earlier test reads this clock from then on (<see cref="HandedClock"/>); it only comes from
    /// a test whose clock started at the same instant, so its database was seeded at this clock's start, as a new app's is.
    /// </summary>
    public TimeProvider? Time { get; set; }

    /// <summary>False for tests of the real cookie session: requests then authenticate only as the app itself does.</summary>
    public bool UseTestAuth { get; set; } = true;

    /// <summary>
    /// True to serve on Kestrel at 127.0.0.1 instead of the in-memory test server, for tests of what only a real server
    /// does (request-body limits while reading, connection handling). Set before <see cref="InitializeAsync"/>.
    /// </summary>
    public bool UseKestrel { get; set; }

    protected abstract TestDatabase CreateDatabase();

    public HttpClient CreateClient(Guid? asPerson = null)
    {
        var client = _kestrelAddress is { } address
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address }
            : Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (asPerson is { } id)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, id.ToString());
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        if (await StartedPortals.TakeAsync(Configuration()) is { } started)
        {
            Use(started);
            return;
        }

        _database = CreateDatabase();
        var clock = Time is null ? null : new HandedClock(Time);
        Factory = new IdentityAccessWebFactory(_database, useTestAuth: UseTestAuth, settings: Settings, time: clock);
        if (UseKestrel)
        {
            Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            Factory.StartServer(); // starts the app: migrations and the demo seed run here
            _kestrelAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }
        else
        {
            _ = Factory.Server; // starts the app: migrations and the demo seed run here
        }

        await using (var db = await Factory.CreateDbContextAsync())
        {
            Demo = await DemoData.LoadAsync(db);
        }

        if (await _database.SnapshotAsync() is { } snapshot)
        {
            _started = new StartedPortal(Configuration(), Factory, _database, snapshot, Demo, _kestrelAddress, clock);
        }
    }

    public async Task DisposeAsync()
    {
        if (_started is { } started)
        {
            _started = null;
            await StartedPortals.ReturnAsync(started);
            return;
        }

        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// What makes two fixtures' apps interchangeable. The settings are part of it: two tests with different settings
    /// never share an app; nor does an app on the system clock with one on a test's clock, nor two tests' clocks that
    /// start at different instants (the demo is seeded at the start: its dates must be the test's own).
    /// </summary>
    private string Configuration() =>
        $"{GetType().FullName}|auth:{UseTestAuth}|kestrel:{UseKestrel}|test clock from:{Time?.GetUtcNow().UtcTicks}|"
        + string.Join('|', Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    private void Use(StartedPortal started)
    {
        _started = started;
        _database = started.Database;
        Factory = started.Factory;
        Demo = started.Demo;
        _kestrelAddress = started.KestrelAddress;
        if (Time is not null)
        {
            started.Clock!.HandTo(Time);
        }
    }
}

public sealed class SqlitePortalFixture : PortalFixture
{
    protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresPortalFixture : PortalFixture
{
    protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
}
