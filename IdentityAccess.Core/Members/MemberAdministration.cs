using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

/// <summary>
/// The owner's tools on the Members page: add a person by hand, change a member's role or seat tier, remove a member.
/// Each call checks again, once it holds the organization's write lock, that the acting person may manage members (so
/// an Owner demoted a moment ago cannot act on the old role), refuses with errors rather than exceptions, and writes
/// the change and its audit event in one transaction, or nothing at all.
/// </summary>
public sealed partial class MemberAdministration(GuardedWrites writes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<Error>> AddAsync(Guid organizationId, NewMember member, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var (db, organization) = (write.Db, write.Organization!);
        var (refusals, person, row) = await NewMemberChecks.CheckAsync(write, member, cancellationToken);
        if (refusals.Count > 0)
        {
            return refusals;
        }

        var now = time.GetUtcNow();
        // A person already known keeps the name they have (their IdP may have set it); only a newcomer takes the typed one.
        person ??= db.People.Add(Person.Create(member.Email, member.DisplayName.Trim(), now)).Entity;
        var before = row is null ? null : Snapshot(row);
        if (row is null)
        {
            // A returning person reuses their removed row instead, so their history stays one membership.
            row = new Membership { OrganizationId = organizationId, PersonId = person.Id, CreatedAt = now };
            db.Memberships.Add(row);
        }

        (row.Role, row.SeatTier, row.Status, row.Source, row.StatusChangedAt) =
            (member.Role, member.Tier, MembershipStatus.Active, MembershipSource.Manual, now);
        audit.Record(db, write.Actor, "membership.added", person.Email,
            before, Snapshot(row), organizationId, organization.ParentId);
        return await write.CommitAsync(cancellationToken) is { } conflict ? [conflict] : [];
    }

    public async Task<IReadOnlyList<Error>> ChangeRoleAsync(Guid organizationId, Guid membershipId, Role role, SeatTier? tier, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var (db, organization) = (write.Db, write.Organization!);
        if (MemberRules.CheckRoleAndTier(organization.Product, role, tier) is { } invalid)
        {
            return [invalid];
        }

        var row = await FindListedAsync(db, organizationId, membershipId, cancellationToken);
        if (row is null)
        {
            return [new MemberNotFound()];
        }

        if (row.Role == role && row.SeatTier == tier)
        {
            return [];
        }

        var identity = await IdentitySettingsAsync(db, organizationId, cancellationToken);
        var errors = Checks(
            MemberRules.CheckTopRoleGate(write.Roles!, row.Role, role),
            CheckBreakGlass(write.Roles!, identity, row, role),
            await CheckTopRoleLeftAsync(db, organization, row, role, actingPersonId, cancellationToken),
            // A pending member holds no seat yet, so moving them only changes the queue they wait in.
            row.SeatTier != tier && row.HoldsSeat ? await CheckFreeSeatAsync(db, organizationId, tier, cancellationToken) : null);
        if (errors.Count > 0)
        {
            return errors;
        }

        var actor = write.Actor;
        if (row.Role != role)
        {
            audit.Record(db, actor, "membership.role_changed", row.Person!.Email, new { Role = RoleCatalog.DisplayName(row.Role) },
                new { Role = RoleCatalog.DisplayName(role) }, organizationId, organization.ParentId);
            KeepRoleByHand(db, actor, organization, identity, row, role);
            await ReleaseBreakGlassAsync(db, actor, organization, identity, row, role, cancellationToken);
        }

        if (row.SeatTier != tier)
        {
            audit.Record(db, actor, "membership.tier_changed", row.Person!.Email, new { Tier = row.SeatTier?.ToString() },
                new { Tier = tier?.ToString() }, organizationId, organization.ParentId);
        }

        (row.Role, row.SeatTier) = (role, tier);
        return await write.CommitAsync(cancellationToken) is { } conflict ? [conflict] : [];
    }

    /// <summary>Marks the membership removed and frees its seat; the row stays so the audit trail and a later return keep the person.</summary>
    public async Task<IReadOnlyList<Error>> RemoveAsync(Guid organizationId, Guid membershipId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var (db, organization) = (write.Db, write.Organization!);
        var row = await FindListedAsync(db, organizationId, membershipId, cancellationToken);
        if (row is null)
        {
            return [new MemberNotFound()];
        }

        var identity = await IdentitySettingsAsync(db, organizationId, cancellationToken);
        var errors = Checks(
            MemberRules.CheckTopRoleGate(write.Roles!, row.Role, null),
            CheckBreakGlass(write.Roles!, identity, row, null),
            await CheckTopRoleLeftAsync(db, organization, row, null, actingPersonId, cancellationToken));
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = Snapshot(row);
        await ReleaseBreakGlassAsync(db, write.Actor, organization, identity, row, null, cancellationToken);
        var now = time.GetUtcNow();
        if (row.Status == MembershipStatus.Invited)
        {
            // Removing someone invited withdraws the invitation too: the link they were sent must stop working.
            await db.Invitations.Where(i => i.MembershipId == row.Id && i.Status == InvitationStatus.Pending)
                .ForEachAsync(i => (i.Status, i.EndedAt) = (InvitationStatus.Revoked, now), cancellationToken);
        }

        (row.Status, row.StatusChangedAt, row.RoleBeforeSync) = (MembershipStatus.Removed, now, null);
        ClearOverride(row); // a person who comes back starts from what the IdP says
        audit.Record(db, write.Actor, "membership.removed", row.Person!.Email,
            before, Snapshot(row), organizationId, organization.ParentId);
        return await write.CommitAsync(cancellationToken) is { } conflict ? [conflict] : [];
    }

    private static Task<Membership?> FindListedAsync(IdentityAccessDbContext db, Guid organizationId, Guid membershipId, CancellationToken cancellationToken) =>
        db.Memberships.Include(m => m.Person).SingleOrDefaultAsync(
            m => m.Id == membershipId && m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed, cancellationToken);

    internal static async Task<Error?> CheckFreeSeatAsync(IdentityAccessDbContext db, Guid organizationId, SeatTier? tier, CancellationToken cancellationToken)
    {
        var purchased = (await SeatCounts.PoolAsync(db, organizationId, tier, cancellationToken))?.Purchased ?? 0;
        return MemberRules.CheckFreeSeat(tier, purchased, await SeatCounts.UsedAsync(db, organizationId, tier, cancellationToken));
    }

    private static async Task<Error?> CheckTopRoleLeftAsync(IdentityAccessDbContext db, OrganizationSummary organization, Membership row, Role? newRole,
        Guid actingPersonId, CancellationToken cancellationToken)
    {
        var top = RoleCatalog.TopRole(organization.Product);
        var otherActiveTop = await db.Memberships.AnyAsync(m => m.OrganizationId == organization.Id && m.Id != row.Id
            && m.Role == top && m.Status == MembershipStatus.Active, cancellationToken);
        if (!MemberRules.LeavesNoTopRole(organization.Product, row, newRole, otherActiveTop))
        {
            return null;
        }

        var roleName = RoleCatalog.DisplayName(top);
        return newRole is null && row.PersonId == actingPersonId
            ? new LastTopRoleCannotLeave(roleName, organization.Name)
            : new NoTopRoleLeft(roleName, organization.Name);
    }

    private static List<Error> Checks(params Error?[] results) => [.. results.OfType<Error>()];

    private static object Snapshot(Membership m) => new { Role = RoleCatalog.DisplayName(m.Role), Tier = m.SeatTier?.ToString(), Status = m.Status.ToString() };
}
