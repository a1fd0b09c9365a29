using System.Diagnostics;
using IdentityAccess.Core.Telemetry;

namespace IdentityAccess.Bench;

/// <summary>
/// Counts, in this process (the app runs in it), the SQL commands EF Core executes and the SCIM create batches written,
/// so a run prints statements per create and creates per batch beside its rate: figures a loaded machine does not move.
/// Commands sent outside EF (the write gate's pragmas, BEGIN/COMMIT, raw prepared inserts) are not counted.
/// </summary>
internal sealed class WriteCounters : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private readonly IDisposable _listeners;
    private readonly ActivityListener _batches;
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _batchCount;

    public WriteCounters()
    {
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        _batches = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IdentityAccessTelemetry.Source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == "scim.create_batch" ? ActivitySamplingResult.PropagationData : ActivitySamplingResult.None,
            ActivityStopped = _ => Interlocked.Increment(ref _batchCount),
        };
        ActivitySource.AddActivityListener(_batches);
    }

    public (long Commands, long Batches) Read() => (Interlocked.Read(ref _commands), Interlocked.Read(ref _batchCount));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, (name, _, _) => name == CommandExecuted));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted)
        {
            Interlocked.Increment(ref _commands);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _batches.Dispose();
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
