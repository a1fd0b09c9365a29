using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdentityAccess.Core.Persistence;

/// <summary>
/// Lets this process's writers to one SQLite file take turns in order instead of colliding in SQLite.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time, and every EF transaction on SQLite is <c>BEGIN IMMEDIATE</c>, a write lock. A
/// second writer gets SQLITE_BUSY, and Microsoft.Data.Sqlite answers that by sleeping 150 ms before it retries: with
/// the provisioning log's writer and eight SCIM requests that sleep was most of a request's time, even one request at
/// a time. Here a transaction first waits its turn on an in-process queue for its file, so it never meets the lock of
/// a writer in this process. Writes outside a transaction (a single-statement SaveChanges, such as the provisioning
/// log's) and other processes' writers are not in the queue: for them each connection sets SQLite's own busy
/// timeout, which waits in steps of 1 to 100 ms instead of 150 ms.
/// The turn is handed back when the transaction commits, rolls back or fails, or at the latest when its connection
/// closes or is disposed (EF closes it when a transaction is disposed without either).
/// </remarks>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private const int SqliteBusy = 5;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> _held = [];

    // The physical connections (SQLitePCL handles) already configured.
    private static readonly ConditionalWeakTable<object, object> _configured = [];

    public static SqliteWriteGate Instance { get; } = new();

    private SqliteWriteGate()
    {
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (TurnFor(connection) is not { } turn)
        {
            return result;
        }

        if (!turn.Wait(TimeoutOf(connection)))
        {
            throw Busy(connection);
        }

        return Begin(connection, eventData, turn);
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (TurnFor(connection) is not { } turn)
        {
            return result;
        }

        if (!await turn.WaitAsync(TimeoutOf(connection), cancellationToken))
        {
            throw Busy(connection);
        }

        return Begin(connection, eventData, turn);
    }

    // The gate begins the transaction itself, so a BEGIN that fails (another process kept the file locked past
    // the busy timeout) hands the turn back at once: EF reports no failure for a BEGIN, and a pooled context may
    // keep that connection open for its next user.
    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData, SemaphoreSlim turn)
    {
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel); // Microsoft.Data.Sqlite begins synchronously anyway
            _held.AddOrUpdate(connection, turn);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseIfEnded(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseIfEnded(eventData);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        SetBusyTimeout(connection); // a pragma, no I/O
        return Task.CompletedTask;
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    // A failed COMMIT or ROLLBACK has ended the transaction in SQLite. A failed savepoint leaves the transaction
    // open, so the turn stays with it.
    private void ReleaseIfEnded(TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback")
        {
            Release(ConnectionOf(eventData));
        }
    }

    // An open connection names its file in full, so connections to one file share its queue whatever their
    // connection strings say. An in-memory database (no file name) belongs to its connection: nobody to wait for.
    private static SemaphoreSlim? TurnFor(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } ? _turns.GetOrAdd(file, _ => new SemaphoreSlim(1, 1)) : null;

    // The ended transaction may no longer name its connection; the context still does.
    private static DbConnection? ConnectionOf(DbContextEventData eventData) => eventData.Context?.Database.GetDbConnection();

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _held.TryGetValue(connection, out var turn) && _held.Remove(connection))
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Once per physical connection (a pooled one keeps its settings): the busy timeout, and temporary data in memory —
    /// SQLite's statement journal (kept for each statement that fires triggers or may fail halfway) was a file created,
    /// written and deleted for every insert into a table with triggers.
    /// </summary>
    private static void SetBusyTimeout(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)TimeoutOf(connection).TotalMilliseconds}; PRAGMA temp_store = MEMORY;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>
    /// How long a writer waits, for its turn or for another process's lock, before it fails the way SQLite does:
    /// the connection's "Default Timeout" (30 s unless configured), which Microsoft.Data.Sqlite also retries for.
    /// </summary>
    private static TimeSpan TimeoutOf(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is SqliteConnection { DefaultTimeout: > 0 and var seconds } ? seconds : 30);

    private static SqliteException Busy(DbConnection connection) =>
        new($"database is locked: another writer held the database for more than {TimeoutOf(connection).TotalSeconds:0} s", SqliteBusy);
}
