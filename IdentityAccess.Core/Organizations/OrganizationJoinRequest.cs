namespace IdentityAccess.Core.Organizations;

/// <summary>
/// A standalone organization's request to join another parent organization, asked by its top role and decided by
/// that parent's admins: joining hands the organization's sign-in and directory to the parent, so both sides agree.
/// </summary>
public sealed class OrganizationJoinRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Organization? Organization { get; init; }

    /// <summary>The parent the organization asks to join.</summary>
    public Guid ParentOrganizationId { get; init; }

    public ParentOrganization? Parent { get; init; }

    public Guid RequestedByPersonId { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public JoinRequestStatus Status { get; set; } = JoinRequestStatus.Pending;

    public Guid? DecidedByPersonId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
