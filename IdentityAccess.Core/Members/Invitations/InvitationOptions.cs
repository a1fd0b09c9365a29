using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>The <c>Invitations</c> section.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Invitations";

    /// <summary>How long a link works, from when it was (last) sent; the seat is held that long. 7 days by default.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired invitations are found and their seats freed.</summary>
    [Range(1, 24 * 60)]
    public int SweepIntervalMinutes { get; set; } = 5;
}
