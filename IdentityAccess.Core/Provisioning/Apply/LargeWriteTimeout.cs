using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// The statements of a large apply run longer than an interactive query may. At 1,000,000 people one UPDATE of every
/// membership took 10–19 s on a loaded server and then passed the provider's default of 30 s, which failed that Sync
/// now and rolled it back (docs/performance.md). While a large apply runs, its statements may take the configured
/// timeout (30 s at least) plus a second per <see cref="RowsPerSecond"/> rows: 530 s for a million. A Sync now
/// cancelled from the page still stops them, through the cancellation token.
/// </summary>
internal readonly struct LargeWriteTimeout : IDisposable
{
    internal const int RowsPerSecond = 2_000;
    private const int AtLeastSeconds = 30;

    private readonly DatabaseFacade _database;
    private readonly int? _previous;

    private LargeWriteTimeout(DatabaseFacade database, int rows)
    {
        _database = database;
        _previous = database.GetCommandTimeout();
        database.SetCommandTimeout(Seconds(_previous, rows));
    }

    /// <summary>Widens the statement timeout of <paramref name="db"/> for <paramref name="rows"/> rows until disposed.</summary>
    public static LargeWriteTimeout Widen(IdentityAccessDbContext db, int rows) => new(db.Database, rows);

    /// <param name="configured">The context's timeout (<c>Database:CommandTimeoutSeconds</c>), null for the provider's default.</param>
    internal static int Seconds(int? configured, int rows) => Math.Max(configured ?? AtLeastSeconds, AtLeastSeconds) + rows / RowsPerSecond;

    /// <summary>The context's statement timeout, for a write that takes its own from the connection (COPY); null when unset.</summary>
    public static TimeSpan? Of(IdentityAccessDbContext db) => db.Database.GetCommandTimeout() is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public void Dispose() => _database.SetCommandTimeout(_previous);
}
