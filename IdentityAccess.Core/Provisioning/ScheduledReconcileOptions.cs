using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The <c>Provisioning:ScheduledReconcile</c> section. A periodic full reconcile catches what no single SCIM
/// request triggers: a seat freed in one tier that someone waiting for it could now take, seats bought without
/// "Sync now", or a reconcile lost to a crash between requests.
/// </summary>
public sealed class ScheduledReconcileOptions
{
    public const string SectionName = "Provisioning:ScheduledReconcile";

    public bool Enabled { get; set; } = true;

    [Range(1, 24 * 60)]
    public int IntervalMinutes { get; set; } = 30;
}
