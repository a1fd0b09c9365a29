using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The <c>Provisioning:MassRemoval</c> section: when directory sync would remove or suspend more people than this,
/// within <see cref="WindowMinutes"/>, the removals wait for the owner instead (a wrong IdP assignment or a
/// deleted group should not empty an organization in one push).
/// </summary>
public sealed class MassRemovalOptions
{
    public const string SectionName = "Provisioning:MassRemoval";

    /// <summary>Trips only above this many people, so small organizations are not held up by everyday leavers.</summary>
    [Range(0, int.MaxValue)]
    public int MinimumCount { get; set; } = 10;

    /// <summary>...and above this share of the organization's members.</summary>
    [Range(0, 100)]
    public int Percent { get; set; } = 10;

    /// <summary>Removals already applied by sync within this window count too, so a burst of single DELETEs trips it.</summary>
    [Range(1, 7 * 24 * 60)]
    public int WindowMinutes { get; set; } = 60;
}
