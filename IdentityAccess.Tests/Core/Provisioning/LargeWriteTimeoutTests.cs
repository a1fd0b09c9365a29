using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

public sealed class LargeWriteTimeoutSecondsTests
{
    [Theory]
    [InlineData(null, 0, 30)] // the provider's default
    [InlineData(null, 1_000_000, 530)] // Sync now of a million
    [InlineData(1, 250, 30)] // a configured timeout shorter than 30 s does not bound a large write
    [InlineData(120, 10_000, 125)] // a longer one is kept, and widened
    public void Seconds_AtLeastThirty_PlusOneSecondPerTwoThousandRows(int? configured, int rows, int expected) =>
        Assert.Equal(expected, LargeWriteTimeout.Seconds(configured, rows));
}

/// <summary>
/// A large apply's statements are not bounded by the per-statement timeout meant for interactive queries: with
/// <c>Database:CommandTimeoutSeconds</c> at 1 and every UPDATE of memberships made to take 1.5 s (a statement trigger
/// standing in for a million rows on a loaded server), switching Acme to directory sync suspends 250 people and Sync
/// now brings them back. PostgreSQL only: SQLite bounds the wait for a lock, not a running statement.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresLargeWriteTimeoutTests : IAsyncLifetime
{
    private const int People = 250;
    private readonly PostgresPortalFixture _portal = new();

    public async Task InitializeAsync()
    {
        _portal.Settings["Database:CommandTimeoutSeconds"] = "1";
        _portal.Settings["Provisioning:MassRemoval:Percent"] = "100"; // every change applies, none is staged
        await _portal.InitializeAsync();
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == _portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 100_000));
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < People; i++)
        {
            var email = $"slow{i}@acme.test";
            var person = Person.Create(email, $"Slow {i}", then);
            db.People.Add(person);
            db.DirectoryUsers.Add(DirectoryUsers.LinkedTo(person, parentId, then, active: false, createdAt: then.AddTicks(i)));
            db.Memberships.Add(new Membership
            {
                OrganizationId = _portal.Demo.AcmeChat,
                PersonId = person.Id,
                Role = Role.User,
                SeatTier = SeatTier.Standard,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Scim,
                CreatedAt = then,
                StatusChangedAt = then,
            });
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION slow_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NULL; END $$;
            CREATE TRIGGER "Memberships_Slow" AFTER UPDATE ON "Memberships" FOR EACH STATEMENT EXECUTE FUNCTION slow_statement();
            """);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SwitchingToScim_ThenSyncNow_TheirUpdatesOutlastTheConfiguredTimeout()
    {
        // The configured timeout is in force for an ordinary statement.
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(1.5)"));
        }

        var alice = _portal.Demo.Person("alice@acme.test");
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeChat, draft, alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeChat, draft, alice, preview.AffectedOthers)).Errors);
        Assert.Equal(People, await CountAsync(MembershipStatus.Suspended));

        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.DirectoryUsers.Where(u => u.UserName.StartsWith("slow")).ExecuteUpdateAsync(s => s.SetProperty(u => u.Active, true));
        }

        var outcome = await _portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(_portal.Demo.AcmeChat, alice);

        Assert.Null(outcome.Refusal);
        Assert.Equal(People, outcome.Changed);
        Assert.Equal(People, await CountAsync(MembershipStatus.Active));
    }

    [Fact]
    public async Task ASmallApply_KeepsTheConfiguredTimeout_AndRollsBackWhole()
    {
        var alice = _portal.Demo.Person("alice@acme.test");
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeChat, draft, alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeChat, draft, alice, preview.AffectedOthers)).Errors);
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.DirectoryUsers.Where(u => u.UserName == "slow0@acme.test").ExecuteUpdateAsync(s => s.SetProperty(u => u.Active, true));
        }

        // One person back: the tracked path, whose UPDATE is the reconcile's own save with the configured second: it times out.
        await Assert.ThrowsAnyAsync<Exception>(() => _portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(_portal.Demo.AcmeChat, alice));

        Assert.Equal(People, await CountAsync(MembershipStatus.Suspended));
    }

    private async Task<int> CountAsync(MembershipStatus status)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email.StartsWith("slow") && m.Status == status);
    }
}
