using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>One app on one database with the demo seeded, shared by the tests of a class.</summary>
public abstract class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public IdentityAccessWebFactory Factory { get; private set; } = default!;

    public DemoData Demo { get; private set; } = default!;

    /// <summary>Configuration for the app under test, set before <see cref="InitializeAsync"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The app's clock (a FakeTimeProvider, say), set before <see cref="InitializeAsync"/>; the system clock when null.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>False for tests of the real cookie session: requests then authenticate only as the app itself does.</summary>
    public bool UseTestAuth { get; set; } = true;

    protected abstract TestDatabase CreateDatabase();

    public HttpClient CreateClient(Guid? asPerson = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (asPerson is { } id)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, id.ToString());
        }

        return client;
    }

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        Factory = new IdentityAccessWebFactory(_database, useTestAuth: UseTestAuth, settings: Settings, time: Time);
        _ = Factory.Server; // starts the app: migrations and the demo seed run here
        await using var db = await Factory.CreateDbContextAsync();
        Demo = await DemoData.LoadAsync(db);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
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
