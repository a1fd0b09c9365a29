using System.Threading.Channels;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// The runs this instance started and has yet to run, in order. In memory on purpose: the run's record is in the
/// database, and a run whose instance stopped before running it is marked abandoned (<see cref="SyncRunService.MaxRunTime"/>).
/// </summary>
public sealed class SyncRunQueue
{
    private readonly Channel<Guid> _runs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid runId) => _runs.Writer.TryWrite(runId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _runs.Reader.ReadAllAsync(cancellationToken);
}
