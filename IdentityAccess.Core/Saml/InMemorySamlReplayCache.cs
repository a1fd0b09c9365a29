using System.Collections.Concurrent;

namespace IdentityAccess.Core.Saml;

/// <summary>A process-local <see cref="ISamlReplayCache"/>; register it as a singleton.</summary>
public sealed class InMemorySamlReplayCache(TimeProvider timeProvider) : ISamlReplayCache
{
    private static readonly TimeSpan _purgeInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private long _nextPurgeTicks;

    internal int Count => _expiries.Count;

    public ValueTask<bool> TryRememberAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(assertionId);
        var now = timeProvider.GetUtcNow();
        PurgeExpiredIfDue(now);

        while (true)
        {
            if (_expiries.TryAdd(assertionId, expiresAt))
            {
                return ValueTask.FromResult(true);
            }

            if (!_expiries.TryGetValue(assertionId, out var existing))
            {
                continue; // removed by a purge in between: try to add again
            }

            if (existing > now)
            {
                return ValueTask.FromResult(false);
            }

            // Expired but not yet purged. Compare-and-swap so that two racing callers cannot both win.
            if (_expiries.TryUpdate(assertionId, expiresAt, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    private void PurgeExpiredIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + _purgeInterval).UtcTicks, due) != due)
        {
            return; // not due, or another caller is purging
        }

        foreach (var (id, expiresAt) in _expiries)
        {
            if (expiresAt <= now)
            {
                // Removes only the pair seen, so an ID re-added meanwhile with a new expiry stays.
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expiresAt));
            }
        }
    }
}
