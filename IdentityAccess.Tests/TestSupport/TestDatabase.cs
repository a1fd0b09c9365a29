using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>A throw-away database of one provider, alive for one fixture.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Its content now, to put back later; null when this kind of database cannot be put back.</summary>
    public virtual Task<DatabaseSnapshot?> SnapshotAsync() => Task.FromResult<DatabaseSnapshot?>(null);

    public abstract ValueTask DisposeAsync();
}
