using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>The shared replay cache on the real engines: insert-or-fail through the primary key, expiry and purge.</summary>
public abstract class DatabaseSamlReplayCacheTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private DatabaseSamlReplayCache Cache() => new(portal.Factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>(), _time);

    [Fact]
    public async Task TryRemember_SameIdTwice_SecondIsAReplay()
    {
        var cache = Cache();
        var expiry = _time.GetUtcNow().AddMinutes(5);

        Assert.True(await cache.TryRememberAsync("_a1", expiry));
        Assert.False(await cache.TryRememberAsync("_a1", expiry));
        Assert.True(await cache.TryRememberAsync("_a2", expiry));
    }

    [Fact]
    public async Task TryRemember_SharedBetweenInstances_SecondInstanceSeesTheReplay()
    {
        var expiry = _time.GetUtcNow().AddMinutes(5);

        Assert.True(await Cache().TryRememberAsync("_shared", expiry));
        Assert.False(await Cache().TryRememberAsync("_shared", expiry));
    }

    [Fact]
    public async Task TryRemember_ConcurrentSameId_ExactlyOneWins()
    {
        var expiry = _time.GetUtcNow().AddMinutes(5);
        var caches = Enumerable.Range(0, 8).Select(_ => Cache()).ToList();

        var results = await Task.WhenAll(caches.Select(c => c.TryRememberAsync("_race", expiry).AsTask()));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task TryRemember_AfterExpiry_IsAcceptedAgain()
    {
        var cache = Cache();
        Assert.True(await cache.TryRememberAsync("_old", _time.GetUtcNow().AddMinutes(1)));

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await cache.TryRememberAsync("_old", _time.GetUtcNow().AddMinutes(1)));
    }

    [Fact]
    public async Task TryRemember_VeryLongId_IsStoredByHash()
    {
        var id = "_" + new string('x', 5000);

        Assert.True(await Cache().TryRememberAsync(id, _time.GetUtcNow().AddMinutes(5)));
        Assert.False(await Cache().TryRememberAsync(id, _time.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public async Task PurgeExpired_RemovesOnlyExpiredEntries()
    {
        var cache = Cache();
        await cache.TryRememberAsync("_short", _time.GetUtcNow().AddMinutes(1));
        await cache.TryRememberAsync("_long", _time.GetUtcNow().AddMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await cache.PurgeExpiredAsync());

        Assert.False(await cache.TryRememberAsync("_long", _time.GetUtcNow().AddMinutes(30)));
    }
}

public sealed class SqliteDatabaseSamlReplayCacheTests() : DatabaseSamlReplayCacheTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresDatabaseSamlReplayCacheTests() : DatabaseSamlReplayCacheTests(new PostgresPortalFixture());
