namespace IdentityAccess.Core.Audit;

/// <summary>
/// The API key the current request acts through, for the audit actor of whatever it writes. Ambient (an
/// <see cref="AsyncLocal{T}"/>) rather than a parameter on every command, because a key is the same person as in the
/// portal and every command is otherwise the same: the API sets it around the endpoint, <c>GuardedWrites</c> reads it.
/// </summary>
public static class ActingThroughApiKey
{
    private static readonly AsyncLocal<string?> _current = new();

    /// <summary>The key, as the log names it; null outside the management API.</summary>
    public static string? Current => _current.Value;

    /// <summary>The log's name of a key: its own name and its public prefix, as <c>api.key_created</c> names it.</summary>
    public static string Name(string keyName, string prefix) => $"{keyName} ({prefix})";

    /// <summary>Acts through the key until disposed; the flows this one starts keep it, the caller's does not.</summary>
    public static IDisposable Begin(string key)
    {
        var previous = _current.Value;
        _current.Value = key;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}
