using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

/// <summary>A person's place in one organization: role, seat tier (chat only), status and who granted it.</summary>
public sealed class Membership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Organization? Organization { get; init; }

    public Guid PersonId { get; init; }

    public Person? Person { get; init; }

    public Role Role { get; set; }

    /// <summary>Null for Console organizations, which have no tiers.</summary>
    public SeatTier? SeatTier { get; set; }

    public MembershipStatus Status { get; set; }

    public MembershipSource Source { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the status last changed; orders the seat queue (first pending, first admitted).</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>
    /// A role set by hand on a member whose role mappings or directory decide (a restored role, or a hand edit): sync
    /// keeps it, visibly, until the IdP grants the same role or a top role clears it. Null when the IdP decides.
    /// </summary>
    public Role? RoleOverride { get; set; }

    public DateTimeOffset? RoleOverrideSetAt { get; set; }

    /// <summary>Who set the override, as the audit log names them.</summary>
    public string? RoleOverrideSetBy { get; set; }

    /// <summary>
    /// The role a mapping or directory change last took from this member, so another Admin or Owner can give it back
    /// once (the help article's recovery, option 1). Cleared when restored, or when the IdP grants it again.
    /// </summary>
    public Role? RoleBeforeSync { get; set; }

    /// <summary>True while the membership counts against the organization's purchased seats.</summary>
    public bool HoldsSeat => MembershipStatuses.HoldsSeat(Status);
}
