using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>
/// An invitation to join one organization with a role (and chat tier), sent by email. Its membership row (status
/// <see cref="MembershipStatus.Invited"/>) holds the seat and lists the person meanwhile. The link carries a secret
/// stored only as a hash; it works once, for the invited email only, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Guid MembershipId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary>The address invited, as typed; the person's email at the time.</summary>
    public string Email { get; init; } = "";

    public string NormalizedEmail { get; init; } = "";

    public Role Role { get; init; }

    public SeatTier? SeatTier { get; init; }

    /// <summary>SHA-256 of the link's secret, hex; replaced when the invitation is resent (the old link stops working).</summary>
    public string TokenHash { get; set; } = "";

    public InvitationStatus Status { get; set; } = InvitationStatus.Pending;

    public Guid InvitedByPersonId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset LastSentAt { get; set; }

    public int SendCount { get; set; }

    /// <summary>When it was accepted, revoked or found expired.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
