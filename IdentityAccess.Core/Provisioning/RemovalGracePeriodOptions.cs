using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The <c>Provisioning:RemovalGracePeriod</c> section: how often the job looks for deactivated users whose grace period
/// (set per parent, <see cref="Organizations.ParentOrganization.RemovalGraceDays"/>) is over.
/// </summary>
public sealed class RemovalGracePeriodOptions
{
    public const string SectionName = "Provisioning:RemovalGracePeriod";

    public bool Enabled { get; set; } = true;

    [Range(1, 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;
}
