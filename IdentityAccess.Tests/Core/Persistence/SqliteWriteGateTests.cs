using IdentityAccess.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>
/// The in-process turn-taking for SQLite writers, on a real SQLite file: every way a transaction ends hands the turn
/// on, and writers that take turns lose nothing.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    // A turn that is never handed back would hang the next writer; this long means "hung", it is not a speed goal.
    private static readonly TimeSpan _hung = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("ia-gate-").FullName;

    public SqliteWriteGateTests()
    {
        using var db = NewContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    [Fact]
    public async Task EightConcurrentWriters_EveryTransactionCommits()
    {
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var db = NewContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var before = await db.Rows.CountAsync();
                db.Rows.Add(new Row { Writer = writer, SeenBefore = before });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }));

        await Task.WhenAll(writers).WaitAsync(_hung);

        await using var check = NewContext();
        Assert.Equal(200, await check.Rows.CountAsync());
        // Each transaction counted the rows before it alone: no two saw the same number, so none overlapped.
        Assert.Equal(200, await check.Rows.Select(r => r.SeenBefore).Distinct().CountAsync());
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_TheNextWriterGetsItsTurn()
    {
        await using (var abandoned = NewContext())
        {
            await using var transaction = await abandoned.Database.BeginTransactionAsync();
            abandoned.Rows.Add(new Row { Writer = 1 });
            await abandoned.SaveChangesAsync();
        }

        await using var next = NewContext();
        await using var turn = await next.Database.BeginTransactionAsync().WaitAsync(_hung);
        Assert.Equal(0, await next.Rows.CountAsync());
    }

    [Fact]
    public async Task TransactionRolledBack_TheNextWriterGetsItsTurn()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await transaction.RollbackAsync();
        }

        await using var next = NewContext();
        await using var turn = await next.Database.BeginTransactionAsync().WaitAsync(_hung);
        next.Rows.Add(new Row { Writer = 2 });
        await next.SaveChangesAsync();
        await turn.CommitAsync();
    }

    [Fact]
    public async Task ContextDisposedWithTransactionOpen_TheNextWriterGetsItsTurn()
    {
        var forgotten = NewContext();
        await forgotten.Database.BeginTransactionAsync();
        await forgotten.DisposeAsync();

        await using var next = NewContext();
        await using var turn = await next.Database.BeginTransactionAsync().WaitAsync(_hung);
    }

    [Fact]
    public async Task BeginFailsWhileAnotherProcessHoldsTheFile_TheTurnIsHandedBack()
    {
        var file = Path.Combine(_folder, "gate.db");
        await using var pooled = NewContext($"Data Source={file};Default Timeout=1"); // fail after 1 s, not 30
        await using (var otherProcess = new SqliteConnection($"Data Source={file}"))
        {
            await otherProcess.OpenAsync();
            await using var lockHolder = await otherProcess.BeginTransactionAsync();

            var refused = await Assert.ThrowsAsync<SqliteException>(() => pooled.Database.BeginTransactionAsync());
            Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: "database is locked"
        }

        // The same context and connection, as a pooled context would hand them to the next request.
        await using var turn = await pooled.Database.BeginTransactionAsync().WaitAsync(_hung);
    }

    [Fact]
    public async Task SeparateInMemoryDatabases_DoNotWaitForEachOther()
    {
        await using var first = NewContext("Data Source=:memory:");
        await using var second = NewContext("Data Source=:memory:");
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();

        await using var one = await first.Database.BeginTransactionAsync();
        await using var other = await second.Database.BeginTransactionAsync().WaitAsync(_hung);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private GateTestContext NewContext(string? connectionString = null) =>
        new(new DbContextOptionsBuilder<GateTestContext>()
            .UseSqlite(connectionString ?? $"Data Source={Path.Combine(_folder, "gate.db")}")
            .AddInterceptors(SqliteWriteGate.Instance)
            .Options);

    private sealed class GateTestContext(DbContextOptions<GateTestContext> options) : DbContext(options)
    {
        public DbSet<Row> Rows => Set<Row>();
    }

    private sealed class Row
    {
        public int Id { get; set; }

        public int Writer { get; set; }

        public int SeenBefore { get; set; }
    }
}
