using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Scim.GroupCommit;

/// <summary>
/// Group commit for SCIM creates: concurrent POST /Users to one parent's directory wait in that directory's queue, and
/// one writer at a time takes everything waiting (up to <see cref="MaxBatch"/>) into one transaction with one
/// reconcile (<see cref="ScimCreateBatch"/>). An IdP's initial push sends creates in parallel; writing them one
/// transaction each spent most of the time on what every create repeats (the settings, mappings and seat pools read,
/// the commit's fsync) and on waiting for SQLite's single writer.
/// </summary>
/// <remarks>
/// Nothing waits for a batch to fill: a request that finds the writer idle starts it and is written at once, alone;
/// requests arriving while a batch runs form the next one. So a lone request costs what it did before, and under load
/// the batch size follows the concurrency. The writer runs without the request's async context (its log scope), so
/// what a batch reports reaches each request's own log row only through <see cref="ScimCreateBatch"/>.
/// </remarks>
public sealed class ScimCreateQueue(ScimCreateBatch batch, ILogger<ScimCreateQueue> logger)
{
    /// <summary>A bound on one transaction's size: a few hundred creates keep it short while amortizing its fixed cost.</summary>
    internal const int MaxBatch = 256;

    private readonly ConcurrentDictionary<Guid, DirectoryQueue> _directories = new();

    internal Task<ScimCreateOutcome> SubmitAsync(Guid parentId, ScimCreateRequest request)
    {
        var queue = _directories.GetOrAdd(parentId, id => new DirectoryQueue(id));
        if (queue.Enqueue(request))
        {
            // Started without the request's execution context: the writer serves many requests, not this one.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => DrainAsync(queue));
            }
        }

        return request.Answer;
    }

    private async Task DrainAsync(DirectoryQueue queue)
    {
        while (queue.TakeBatch(MaxBatch) is { Count: > 0 } taken)
        {
            var live = new List<ScimCreateRequest>(taken.Count);
            foreach (var request in taken)
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Cancel();
                }
                else
                {
                    live.Add(request);
                }
            }

            try
            {
                using var span = Telemetry.IdentityAccessTelemetry.StartLinked("scim.create_batch", live.Select(r => r.Trace));
                span?.SetTag("identityaccess.parent.id", queue.ParentId).SetTag("identityaccess.batch.size", live.Count);
                await batch.WriteAsync(queue.ParentId, live);
            }
            catch (Exception exception)
            {
                // The batch rolled back as a whole: each request is written alone instead, and gets its own outcome there.
                logger.LogWarning(exception, "A batch of {Count} SCIM creates failed and was rolled back; each runs alone", live.Count);
                foreach (var request in live)
                {
                    request.Complete(new ScimCreateOutcome.RunAlone("the batch failed"));
                }
            }
        }
    }

    /// <summary>One directory's waiting creates, and whether its writer is running.</summary>
    private sealed class DirectoryQueue(Guid parentId)
    {
        private readonly Lock _lock = new();
        private readonly List<ScimCreateRequest> _waiting = [];
        private bool _writing;

        public Guid ParentId { get; } = parentId;

        /// <summary>Adds the request; true when the caller must start the writer (it was idle).</summary>
        public bool Enqueue(ScimCreateRequest request)
        {
            lock (_lock)
            {
                _waiting.Add(request);
                if (_writing)
                {
                    return false;
                }

                _writing = true;
                return true;
            }
        }

        /// <summary>What is waiting, in arrival order; empty (and the writer marked idle) when nothing is.</summary>
        public List<ScimCreateRequest> TakeBatch(int max)
        {
            lock (_lock)
            {
                var count = Math.Min(max, _waiting.Count);
                var taken = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
                _writing = count > 0;
                return taken;
            }
        }
    }
}
