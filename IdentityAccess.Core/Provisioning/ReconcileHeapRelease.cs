using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Hands the heap of a very large reconcile back to the system once it is done. Reconciling a million people builds
/// about a gigabyte of rows, outcomes and plan that are garbage as soon as the organization is applied, but the server
/// GC keeps that memory committed (and collects it only when its old generation's budget runs out), so the next large
/// operation grew on top of it: Sync now's reactivation of a million started from 1.4 GiB and peaked at 1.58 GiB
/// (docs/performance.md, 2026-12-07 (8)). One blocking, compacting, aggressive collection after such a reconcile
/// returns it; below <see cref="ReconcileHeapOptions.ReleaseFromPeople"/> the GC's own pace is left alone (a SCIM
/// request's scoped reconcile never reaches it).
/// </summary>
public sealed class ReconcileHeapRelease(IOptions<ReconcileHeapOptions> options)
{
    private int _released;

    /// <summary>How many times the heap was handed back since the start (diagnostics and tests).</summary>
    public int Released => _released;

    /// <summary>Called once one organization's reconcile has returned, so that nothing of it is reachable any more.</summary>
    public void After(int peopleEvaluated)
    {
        var from = options.Value.ReleaseFromPeople;
        if (from == 0 || peopleEvaluated < from)
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Interlocked.Increment(ref _released);
    }
}
