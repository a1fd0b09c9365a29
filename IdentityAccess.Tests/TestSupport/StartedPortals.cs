using System.Diagnostics;
using IdentityAccess.Core.Provisioning.SyncRuns;
using IdentityAccess.Core.Scim.Log;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Started apps kept between tests. Starting the app (host, endpoints, the first request) was most of a test's time,
/// and most test classes started one per test. A fixture that ends hands its app here with a snapshot of the database
/// as it was right after the start; the next fixture of the same configuration takes it and gets that database back,
/// so each test still begins on the freshly seeded demo (the same ids: <see cref="DemoData"/> is reused too).
/// An app on a test's own clock goes to the next test with that test's clock (<see cref="HandedClock"/>). Never handed
/// on: an app still busy with a Sync now run when its test ended, or one older than four minutes.
/// </summary>
internal static class StartedPortals
{
    private const int MaxIdle = 6; // two test classes run at a time; a few configurations alternate

    /// <summary>
    /// Younger than the app's first periodic passes (invitation sweep and metadata refresh every 5 minutes, scheduled
    /// reconcile every 30), as an app started per test always was: no test meets a pass it did not ask for.
    /// </summary>
    private static readonly TimeSpan _maxAge = TimeSpan.FromMinutes(4);

    private static readonly Lock _lock = new();
    private static readonly LinkedList<StartedPortal> _idle = [];
    private static bool _exitHooked;

    public static async Task<StartedPortal?> TakeAsync(string configuration)
    {
        StartedPortal? portal;
        lock (_lock)
        {
            portal = _idle.FirstOrDefault(p => p.Configuration == configuration);
            if (portal is not null)
            {
                _idle.Remove(portal);
            }
        }

        if (portal is null)
        {
            return null;
        }

        // What the previous test left running lands before the restore, not after it.
        if (portal.Age < _maxAge && await portal.QuiesceAsync() && await portal.Snapshot.RestoreAsync())
        {
            return portal;
        }

        await portal.DisposeAsync();
        return null;
    }

    /// <summary>Keeps the app for the next fixture of its configuration; disposes it when it cannot be handed on cleanly.</summary>
    public static async Task ReturnAsync(StartedPortal portal)
    {
        if (portal.Age >= _maxAge || !await portal.QuiesceAsync()) // an app too old to hand on leaves now, not at the next take
        {
            await portal.DisposeAsync();
            return;
        }

        StartedPortal? evicted = null;
        lock (_lock)
        {
            _idle.AddFirst(portal);
            if (_idle.Count > MaxIdle)
            {
                evicted = _idle.Last!.Value;
                _idle.RemoveLast();
            }

            if (!_exitHooked)
            {
                _exitHooked = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeIdle();
            }
        }

        if (evicted is not null)
        {
            await evicted.DisposeAsync();
        }
    }

    private static void DisposeIdle()
    {
        StartedPortal[] idle;
        lock (_lock)
        {
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var portal in idle)
        {
            // The databases on the PostgreSQL server are the part that would outlive the process.
            portal.Database.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }
    }
}

/// <summary>One started app with its database, the database's content right after the start, and the demo's ids.</summary>
internal sealed class StartedPortal(string configuration, IdentityAccessWebFactory factory, TestDatabase database, DatabaseSnapshot snapshot,
    DemoData demo, Uri? kestrelAddress, HandedClock? clock) : IAsyncDisposable
{
    public string Configuration => configuration;

    public IdentityAccessWebFactory Factory => factory;

    public TestDatabase Database => database;

    public DatabaseSnapshot Snapshot => snapshot;

    public DemoData Demo => demo;

    public Uri? KestrelAddress => kestrelAddress;

    /// <summary>The app's clock when its tests supply theirs; null on the system clock.</summary>
    public HandedClock? Clock => clock;

    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan Age => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// Lets go of held queries and waits for queued provisioning-log rows; false when the app cannot be handed on
    /// (disposed by its test, or a Sync now run still held).
    /// </summary>
    public async Task<bool> QuiesceAsync()
    {
        try
        {
            factory.HeldQueries.Release();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await factory.Services.GetRequiredService<ProvisioningLogWriter>().FlushAsync(timeout.Token);
            return factory.Services.GetRequiredService<SyncRunQueue>().Held.Count == 0;
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await snapshot.DisposeAsync();
        await database.DisposeAsync();
    }
}
