using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

public sealed record MemberListItem(
    Guid MembershipId,
    Guid PersonId,
    string DisplayName,
    string Email,
    Role Role,
    SeatTier? SeatTier,
    MembershipStatus Status,
    MembershipSource Source,
    DateTimeOffset CreatedAt)
{
    /// <summary>The role kept by hand over what the IdP's groups say, who set it and when; null when the IdP decides.</summary>
    public Role? RoleOverride { get; init; }

    public string? RoleOverrideSetBy { get; init; }

    public DateTimeOffset? RoleOverrideSetAt { get; init; }

    /// <summary>The role a mapping or directory change took, which another Admin or Owner may restore once.</summary>
    public Role? RoleBeforeSync { get; init; }

    /// <summary>When the IdP deactivated this suspended member (SCIM active=false); null otherwise.</summary>
    public DateTimeOffset? IdpDeactivatedAt { get; init; }

    /// <summary>The parent's removal grace period, in days.</summary>
    public int RemovalGraceDays { get; init; }

    /// <summary>When the removal grace period job removes this member unless the IdP reactivates them; null when it will not.</summary>
    public DateTimeOffset? RemovalDueAt => Status == MembershipStatus.Suspended && IdpDeactivatedAt is { } since ? since.AddDays(RemovalGraceDays) : null;
}
