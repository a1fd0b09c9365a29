using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Collects the heap of a very large reconcile once it is done. Reconciling a million people builds about a gigabyte
/// of rows, outcomes and plan that are garbage as soon as the organization is applied, but the server GC collects its
/// old generation only when that generation's budget runs out, so the next large operation grew on top of the garbage:
/// Sync now's reactivation of a million started from 1.4 GiB and peaked at 1.58 GiB. One blocking, compacting full
/// collection after such a reconcile frees it, and the next one reuses that memory instead of growing (1.43 GiB).
/// Not <see cref="GCCollectionMode.Aggressive"/>: handing the memory back to the system kept the working set lower
/// (1.33 GiB) but the next reconcile of a million, growing its heap from nothing again, took 62–64 s instead of 56
/// (docs/performance.md, 2026-12-07 (8)). Below <see cref="ReconcileHeapOptions.ReleaseFromPeople"/> the GC's own
/// pace is left alone (a SCIM request's scoped reconcile never reaches it).
/// </summary>
public sealed class ReconcileHeapRelease(IOptions<ReconcileHeapOptions> options)
{
    private int _released;

    /// <summary>How many times a reconcile's heap was collected since the start (diagnostics and tests).</summary>
    public int Released => _released;

    /// <summary>Called once one organization's reconcile has returned, so that nothing of it is reachable any more.</summary>
    public void After(int peopleEvaluated)
    {
        var from = options.Value.ReleaseFromPeople;
        if (from == 0 || peopleEvaluated < from)
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Interlocked.Increment(ref _released);
    }
}
