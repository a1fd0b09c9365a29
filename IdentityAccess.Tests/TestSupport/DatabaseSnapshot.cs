namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A database's whole content at one moment, put back on demand: how a started app is handed from one test to the next
/// with the database it had right after its start (see <see cref="StartedPortals"/>).
/// </summary>
public abstract class DatabaseSnapshot : IAsyncDisposable
{
    /// <summary>
    /// Overwrites the database with the content taken; nothing written since survives. False, and nothing done, when
    /// the database can no longer be put back as it was (its schema was changed since).
    /// </summary>
    public abstract Task<bool> RestoreAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
