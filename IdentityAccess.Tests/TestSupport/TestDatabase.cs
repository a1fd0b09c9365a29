using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>A throw-away database of one provider, alive for one fixture.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract ValueTask DisposeAsync();
}
