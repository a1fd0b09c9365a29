using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>One-use login state: bound to the browser's nonce, consumed once, atomically, and only before it expires.</summary>
public abstract class SamlLoginStatesTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private Guid _acme;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private SamlLoginStates States() => new(portal.Factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>(), _time);

    [Fact]
    public async Task Consume_RightKeyAndNonce_ReturnsTheStateOnce()
    {
        var key = SamlLoginStates.NewKey();
        var nonce = await States().CreateAsync(key, _acme, "_req1", "/orgs");

        var state = await States().ConsumeAsync(key, nonce);

        Assert.Equal(("_req1", "/orgs", _acme), (state!.RequestId, state.ReturnUrl, state.ParentOrganizationId));
        Assert.Null(await States().ConsumeAsync(key, nonce));
    }

    [Fact]
    public async Task Consume_WrongNonce_ReturnsNullAndLeavesTheStateForItsBrowser()
    {
        var key = SamlLoginStates.NewKey();
        var nonce = await States().CreateAsync(key, _acme, "_req2", "/");

        Assert.Null(await States().ConsumeAsync(key, "another-browser"));
        Assert.NotNull(await States().ConsumeAsync(key, nonce));
    }

    [Fact]
    public async Task Consume_AfterTenMinutes_ReturnsNull()
    {
        var key = SamlLoginStates.NewKey();
        var nonce = await States().CreateAsync(key, _acme, "_req3", "/");
        _time.Advance(SamlLoginStates.Lifetime);

        Assert.Null(await States().ConsumeAsync(key, nonce));
    }

    [Fact]
    public async Task Consume_JustBeforeExpiry_ReturnsItWithItsTimes_AndStoresWhenItWasUsed()
    {
        var key = SamlLoginStates.NewKey();
        var created = _time.GetUtcNow();
        var nonce = await States().CreateAsync(key, _acme, "_req5", "/");
        _time.Advance(SamlLoginStates.Lifetime - TimeSpan.FromSeconds(1));

        var state = await States().ConsumeAsync(key, nonce);

        Assert.Equal((created, created + SamlLoginStates.Lifetime, (Guid?)null), (state!.CreatedAt, state.ExpiresAt, state.TestSignInId));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(_time.GetUtcNow(), await db.SamlLoginStates.Where(s => s.Key == key).Select(s => s.UsedAt).SingleAsync());
        Assert.Null(await States().ConsumeAsync(key, nonce));
    }

    [Fact]
    public async Task Consume_Concurrently_ExactlyOneSucceeds()
    {
        var key = SamlLoginStates.NewKey();
        var nonce = await States().CreateAsync(key, _acme, "_req4", "/");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => States().ConsumeAsync(key, nonce)));

        Assert.Single(results, r => r is not null);
    }
}

public sealed class SqliteSamlLoginStatesTests() : SamlLoginStatesTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlLoginStatesTests() : SamlLoginStatesTests(new PostgresPortalFixture());
