using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.GroupMappings;

/// <summary>
/// An IdP group mapped to a role or to a seat tier in one organization. Keyed by the group's immutable id with no
/// foreign key, so a group deleted in the IdP leaves a visible orphan instead of silently dropping the mapping.
/// </summary>
public sealed class GroupMapping
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public required string GroupExternalId { get; init; }

    /// <summary>Set for a role mapping; exactly one of <see cref="Role"/> and <see cref="Tier"/> is set.</summary>
    public Role? Role { get; init; }

    public SeatTier? Tier { get; init; }
}
