using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// The runs this instance started and has yet to run, in order. In memory on purpose: the run's record is in the
/// database, and a run whose instance stopped before running it is marked abandoned (<see cref="SyncRunLiveness"/>).
/// </summary>
public sealed class SyncRunQueue
{
    private readonly Channel<Guid> _runs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<Guid, byte> _held = new();

    /// <summary>The runs queued or running here, whose heartbeat this instance keeps.</summary>
    public IReadOnlyCollection<Guid> Held => [.. _held.Keys];

    public void Enqueue(Guid runId)
    {
        _held[runId] = 0;
        _runs.Writer.TryWrite(runId);
    }

    /// <summary>The run ended (or could not be recorded): no more heartbeats for it.</summary>
    public void Release(Guid runId) => _held.TryRemove(runId, out _);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _runs.Reader.ReadAllAsync(cancellationToken);
}
