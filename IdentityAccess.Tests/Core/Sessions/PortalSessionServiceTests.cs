using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sessions;

/// <summary>Server-side sessions against a real database holding the seeded demo; each test gets a fresh one.</summary>
public abstract class PortalSessionServiceTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private PortalSessionService Sessions => portal.Factory.Services.GetRequiredService<PortalSessionService>();

    private Guid Person(string email) => portal.Demo.Person(email);

    [Fact]
    public async Task Create_ThenValidate_GivesThePersonAsTheDatabaseHasThemNow()
    {
        var session = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", "Firefox on Linux");
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.People.Where(p => p.Id == Person("carol@acme.test")).ExecuteUpdateAsync(s => s.SetProperty(p => p.DisplayName, "Carol Chen-Okafor"));
        }

        var check = await Sessions.ValidateAsync(session.Id, Person("carol@acme.test"));

        Assert.Equal(new PortalSessionCheck(session.Id, Person("carol@acme.test"), "Carol Chen-Okafor", "carol@acme.test", "saml"), check);
        Assert.Equal(session.CreatedAt + PortalSessionService.AbsoluteLifetime, session.ExpiresAt);
    }

    [Fact]
    public async Task Validate_SessionOfAnotherPerson_IsRefused()
    {
        var carols = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);

        Assert.Null(await Sessions.ValidateAsync(carols.Id, Person("alice@acme.test"))); // a cookie naming Alice with Carol's session id
        Assert.Null(await Sessions.ValidateAsync(Guid.NewGuid(), Person("carol@acme.test")));
    }

    [Fact]
    public async Task Validate_RevokedOrExpired_IsRefused()
    {
        var revoked = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        var expired = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        Assert.True(await Sessions.RevokeAsync(revoked.Id, SessionRevocationReason.SignedOut));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.PortalSessions.Where(s => s.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        Assert.Null(await Sessions.ValidateAsync(revoked.Id, Person("carol@acme.test")));
        Assert.Null(await Sessions.ValidateAsync(expired.Id, Person("carol@acme.test")));
        Assert.False(await Sessions.RevokeAsync(revoked.Id, SessionRevocationReason.SignedOut)); // already ended: the first reason stays
        await using var after = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(SessionRevocationReason.SignedOut, (await after.PortalSessions.SingleAsync(s => s.Id == revoked.Id)).RevokedReason);
    }

    [Fact]
    public async Task Validate_TouchesLastSeenAtAtMostOncePerMinute()
    {
        var session = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        var twoMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-2);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.PortalSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, twoMinutesAgo));
        }

        await Sessions.ValidateAsync(session.Id, Person("carol@acme.test"));
        var touched = await LastSeenAsync(session.Id);
        await Sessions.ValidateAsync(session.Id, Person("carol@acme.test"));

        Assert.True(touched > twoMinutesAgo.AddMinutes(1));
        Assert.Equal(touched, await LastSeenAsync(session.Id)); // within the minute: no second write
    }

    [Fact]
    public async Task RevokeAll_EndsEverySessionOfThatPersonOnly()
    {
        var first = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        var second = await Sessions.CreateAsync(Person("carol@acme.test"), "entra", null);
        var alices = await Sessions.CreateAsync(Person("alice@acme.test"), "saml", null);

        Assert.Equal(2, await Sessions.RevokeAllAsync(Person("carol@acme.test"), SessionRevocationReason.SignedOutEverywhere));

        Assert.Null(await Sessions.ValidateAsync(first.Id, Person("carol@acme.test")));
        Assert.Null(await Sessions.ValidateAsync(second.Id, Person("carol@acme.test")));
        Assert.NotNull(await Sessions.ValidateAsync(alices.Id, Person("alice@acme.test")));
        Assert.Empty(await Sessions.ListOpenAsync(Person("carol@acme.test")));
        Assert.Equal([alices.Id], (await Sessions.ListOpenAsync(Person("alice@acme.test"))).Select(s => s.Id));
    }

    [Fact]
    public async Task Create_DropsThatPersonsSessionsEndedLongAgo_KeepsRecentAndOthers()
    {
        var old = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        var recent = await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);
        var alicesOld = await Sessions.CreateAsync(Person("alice@acme.test"), "saml", null);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var longAgo = DateTimeOffset.UtcNow - PortalSessionService.KeepEndedSessions - TimeSpan.FromDays(1);
            await db.PortalSessions.Where(s => s.Id == old.Id || s.Id == alicesOld.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, longAgo));
        }

        await Sessions.CreateAsync(Person("carol@acme.test"), "saml", null);

        await using var after = await portal.Factory.CreateDbContextAsync();
        var left = await after.PortalSessions.Select(s => s.Id).ToListAsync();
        Assert.DoesNotContain(old.Id, left);
        Assert.Contains(recent.Id, left);
        Assert.Contains(alicesOld.Id, left);
    }

    private async Task<DateTimeOffset> LastSeenAsync(Guid sessionId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.PortalSessions.Where(s => s.Id == sessionId).Select(s => s.LastSeenAt).SingleAsync();
    }
}

public sealed class SqlitePortalSessionServiceTests() : PortalSessionServiceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresPortalSessionServiceTests() : PortalSessionServiceTests(new PostgresPortalFixture());
