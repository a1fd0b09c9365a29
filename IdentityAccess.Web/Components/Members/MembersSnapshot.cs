using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Web.Components.Members;

/// <summary>
/// What the members page reads before it can draw: seats, the queue, pending invitations and the first page of members.
/// Read while the page is prerendered, so the first response shows them, and carried into the interactive render as
/// persistent component state (JSON in the page, protected by the server), so the circuit does not read it again.
/// The first page comes through the page's access check (<see cref="Permission.ManageMembers"/>); a snapshot is used
/// only for the organization and person it was read for.
/// </summary>
public sealed record MembersSnapshot(
    Guid OrganizationId,
    Guid PersonId,
    IReadOnlyList<SeatUsage> Seats,
    SeatQueue? Queue,
    IReadOnlyList<PendingInvitation> Invitations,
    MemberPage? FirstPage)
{
    public bool IsFor(Guid organizationId, Guid personId) => OrganizationId == organizationId && PersonId == personId;
}
