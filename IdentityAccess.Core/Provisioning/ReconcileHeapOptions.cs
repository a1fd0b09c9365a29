using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The <c>Provisioning:ReconcileHeap</c> section (<see cref="ReconcileHeapRelease"/>).</summary>
public sealed class ReconcileHeapOptions
{
    public const string SectionName = "Provisioning:ReconcileHeap";

    /// <summary>
    /// After a reconcile that evaluated at least this many people of one organization, its garbage is collected at
    /// once; 0 never does.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int ReleaseFromPeople { get; set; } = 100_000;
}
