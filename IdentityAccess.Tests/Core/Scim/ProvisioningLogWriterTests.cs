using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>The log's retention rule (30 days, a row cap per directory, pruned at most once an hour) on the real engines.</summary>
public abstract class ProvisioningLogWriterTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private Guid _acme;
    private Guid _globex;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        _globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private ProvisioningLogWriter Writer(int maxRows = 100_000) => new(
        portal.Factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>(),
        Options.Create(new ProvisioningLogOptions { RetentionDays = 30, MaxRowsPerDirectory = maxRows, PruneInterval = TimeSpan.FromHours(1) }),
        _time, NullLogger<ProvisioningLogWriter>.Instance);

    private ProvisioningLogEntry Entry(Guid parentId, TimeSpan age, string path = "/scim/v2/Users") => new()
    {
        ParentOrganizationId = parentId,
        TokenId = Guid.NewGuid(),
        TokenPrefix = "ia_scim_test",
        OccurredAt = _time.GetUtcNow() - age,
        Method = "GET",
        Path = path,
        Status = 200,
        CorrelationId = Guid.NewGuid().ToString(),
    };

    private async Task InsertAsync(params ProvisioningLogEntry[] entries)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ProvisioningLog.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> PathsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ProvisioningLog.Where(e => e.ParentOrganizationId == parentId).OrderBy(e => e.Id).Select(e => e.Path).ToListAsync();
    }

    [Fact]
    public async Task WriteBatch_PhraseCodes_ReadBackAsWritten_BesideTheEnglishTheExportKeeps()
    {
        LogPhrase[] phrases =
        [
            LogPhrase.Of(LogPhraseCode.GroupUpdated, "Ingeniería \"core\" ☃") with { Then = [LogPhrase.Of(LogPhraseCode.MembersAddedRemoved, "3", "1")] },
            LogPhrase.Of(LogPhraseCode.UserUpdated, "b@acme.test") with
            {
                Details = [LogPhrase.Of(LogPhraseCode.RenamedFrom, "a@acme.test"), LogPhrase.Of(LogPhraseCode.Deactivated)],
            },
            LogPhrase.Of(LogPhraseCode.MembershipChanges, "2"),
        ];
        var (summary, codes) = ProvisioningLogCodes.Both(phrases);
        var entry = new ProvisioningLogEntry
        {
            ParentOrganizationId = _acme,
            OccurredAt = _time.GetUtcNow(),
            Method = "PATCH",
            Path = "/coded",
            Status = 200,
            Summary = summary,
            TextCodes = codes,
            CorrelationId = "coded",
        };

        await Writer().WriteBatchAsync([entry]);

        await using var db = await portal.Factory.CreateDbContextAsync();
        var row = await db.ProvisioningLog.AsNoTracking().SingleAsync(e => e.ParentOrganizationId == _acme && e.Path == "/coded");
        var read = ProvisioningLogCodes.ReadSummary(row.TextCodes);
        Assert.NotNull(read);
        Assert.Equal(phrases.Select(p => p.Code), read.Select(p => p.Code));
        Assert.Equal(["Ingeniería \"core\" ☃"], read[0].Values);
        Assert.Equal([LogPhraseCode.MembersAddedRemoved], read[0].Then!.Select(p => p.Code));
        Assert.Equal([LogPhraseCode.RenamedFrom, LogPhraseCode.Deactivated], read[1].Details!.Select(p => p.Code));
        Assert.Equal(
            "Updated group 'Ingeniería \"core\" ☃': +3 \u22121 members; Updated user b@acme.test (renamed from a@acme.test, deactivated); 2 membership changes",
            row.Summary);
    }

    [Fact]
    public async Task RowWrittenBeforeTheCodes_KeepsItsText_AndReadsNoCodes()
    {
        await Writer().WriteBatchAsync([new ProvisioningLogEntry
        {
            ParentOrganizationId = _acme, OccurredAt = _time.GetUtcNow(), Method = "POST", Path = "/old", Status = 201, Summary = "Created user zed@acme.test",
            CorrelationId = "old",
        }]);

        await using var db = await portal.Factory.CreateDbContextAsync();
        var row = await db.ProvisioningLog.AsNoTracking().SingleAsync(e => e.ParentOrganizationId == _acme && e.Path == "/old");
        Assert.Equal(("Created user zed@acme.test", null), (row.Summary, row.TextCodes));
        Assert.Null(ProvisioningLogCodes.ReadSummary(row.TextCodes));
    }

    [Fact]
    public async Task Prune_RowsOlderThanRetention_DeletedForThatDirectoryOnly()
    {
        await InsertAsync(Entry(_acme, TimeSpan.FromDays(31), "/old"), Entry(_acme, TimeSpan.FromDays(29), "/recent"), Entry(_globex, TimeSpan.FromDays(40), "/globex-old"));

        var deleted = await Writer().PruneAsync(_acme);

        Assert.Equal(1, deleted);
        Assert.Equal(["/recent"], await PathsAsync(_acme));
        Assert.Equal(["/globex-old"], await PathsAsync(_globex)); // pruned when Globex's own directory writes
    }

    [Fact]
    public async Task Prune_MoreRowsThanTheCap_KeepsTheNewest()
    {
        await InsertAsync([.. Enumerable.Range(1, 5).Select(i => Entry(_acme, TimeSpan.FromMinutes(10 - i), $"/{i}"))]);

        var deleted = await Writer(maxRows: 3).PruneAsync(_acme);

        Assert.Equal(2, deleted);
        Assert.Equal(["/3", "/4", "/5"], await PathsAsync(_acme));
    }

    [Fact]
    public async Task WriteBatch_PrunesAtMostOncePerInterval()
    {
        var writer = Writer(maxRows: 2);

        await writer.WriteBatchAsync([Entry(_acme, TimeSpan.Zero, "/1")]); // first write of this instance: prunes (nothing to do)
        await writer.WriteBatchAsync([Entry(_acme, TimeSpan.Zero, "/2"), Entry(_acme, TimeSpan.Zero, "/3")]);
        Assert.Equal(["/1", "/2", "/3"], await PathsAsync(_acme)); // over the cap until the next interval

        _time.Advance(TimeSpan.FromHours(1));
        await writer.WriteBatchAsync([Entry(_acme, TimeSpan.Zero, "/4")]);

        Assert.Equal(["/3", "/4"], await PathsAsync(_acme));
    }

    [Fact]
    public async Task Run_WritesQueuedRows_AndDrainsTheQueueWhenStopped()
    {
        var writer = Writer();
        using var stop = new CancellationTokenSource();
        var loop = writer.RunAsync(stop.Token);

        Assert.True(writer.Enqueue(Entry(_acme, TimeSpan.Zero, "/1")));
        await writer.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal(["/1"], await PathsAsync(_acme));

        await stop.CancelAsync();
        await loop;
        Assert.True(writer.Enqueue(Entry(_acme, TimeSpan.Zero, "/2"))); // queued after the loop stopped: never written
        Assert.Equal(["/1"], await PathsAsync(_acme));
    }

    [Fact]
    public async Task AddTo_RowCommitsWithTheCallersSaveOnly_AndTheLoopPrunesItsDirectory()
    {
        await InsertAsync(Entry(_acme, TimeSpan.FromDays(31), "/old"));
        var writer = Writer();
        using var stop = new CancellationTokenSource();
        var loop = writer.RunAsync(stop.Token);

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            writer.AddTo(db, Entry(_acme, TimeSpan.Zero, "/rolled-back"));
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
            db.ChangeTracker.Clear();

            writer.AddTo(db, Entry(_acme, TimeSpan.Zero, "/committed"));
            await db.SaveChangesAsync();
        }

        await writer.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal(["/committed"], await PathsAsync(_acme)); // the 31-day-old row pruned by the loop, not by the caller

        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public void Enqueue_WriterFarBehind_DropsRatherThanBlocks()
    {
        var writer = Writer(); // no loop running: nothing is written

        var accepted = Enumerable.Range(0, ProvisioningLogWriter.QueueCapacity + 5).Count(i => writer.Enqueue(Entry(_acme, TimeSpan.Zero)));

        Assert.Equal(ProvisioningLogWriter.QueueCapacity, accepted);
    }
}

public sealed class SqliteProvisioningLogWriterTests() : ProvisioningLogWriterTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresProvisioningLogWriterTests() : ProvisioningLogWriterTests(new PostgresPortalFixture());
