using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// The <c>Scim:Log</c> section. Retention: a directory keeps the last <see cref="RetentionDays"/> days of requests,
/// and never more than its newest <see cref="MaxRowsPerDirectory"/> rows; older rows are deleted by the log's write
/// loop after it writes a directory's rows, at most once per <see cref="PruneInterval"/> per directory and app instance.
/// </summary>
public sealed class ProvisioningLogOptions
{
    public const string SectionName = "Scim:Log";

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    [Range(100, 10_000_000)]
    public int MaxRowsPerDirectory { get; set; } = 100_000;

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
