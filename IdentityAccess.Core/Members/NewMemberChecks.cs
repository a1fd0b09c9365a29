using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

/// <summary>
/// What adding someone by hand and inviting them both check, under the organization's lock: valid input, the top-role
/// gate, not listed already, a free seat. Either they are refused, or the person (if known) and their former, removed,
/// membership (if any) are handed back to be reused.
/// </summary>
internal static class NewMemberChecks
{
    public static async Task<(IReadOnlyList<Error> Refusals, Person? Person, Membership? FormerRow)> CheckAsync(GuardedWrite write, NewMember member,
        CancellationToken cancellationToken)
    {
        var (db, organization) = (write.Db, write.Organization!);
        var errors = MemberRules.CheckNewMember(organization.Product, member).ToList();
        if (MemberRules.CheckTopRoleGate(write.Roles!, null, member.Role) is { } gate)
        {
            errors.Add(gate);
        }

        if (errors.Count > 0)
        {
            return (errors, null, null);
        }

        var normalized = EmailAddress.Normalize(member.Email);
        var person = await db.People.SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken);
        var row = person is null ? null : await db.Memberships
            .SingleOrDefaultAsync(m => m.OrganizationId == organization.Id && m.PersonId == person.Id, cancellationToken);
        if (row is not null && row.Status != MembershipStatus.Removed)
        {
            return ([new AlreadyListed(person!.Email, organization.Name, row.Status)], null, null);
        }

        return await MemberAdministration.CheckFreeSeatAsync(db, organization.Id, member.Tier, cancellationToken) is { } noSeat
            ? ([noSeat], null, null)
            : ([], person, row);
    }
}
