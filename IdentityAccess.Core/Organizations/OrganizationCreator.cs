using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// The way in: any signed-in person creates a parent organization with its first organization (becoming its top role
/// and the parent's first admin), and a parent admin creates further organizations under it (becoming their top role),
/// within what the parent's plan may hold. Everything, audit included, is saved in one transaction or not at all.
/// </summary>
public sealed class OrganizationCreator(IDbContextFactory<IdentityAccessDbContext> contexts, GuardedWrites writes, AuditLog audit, TimeProvider time)
{
    public async Task<CreatedOrganization> CreateParentAsync(NewParentOrganization input, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (actingPersonId is not { } personId)
        {
            return CreatedOrganization.Refused(new NotSignedIn());
        }

        if ((NewOrganizationRules.CheckName(input.ParentName, "parentName", parent: true) ?? NewOrganizationRules.Check(input.Organization)) is { } invalid)
        {
            return CreatedOrganization.Refused(invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The session names a person; the database says whether they still exist (a cookie is not trusted for it).
        var creator = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new AuditActor(p.Id, p.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        if (creator is null)
        {
            return CreatedOrganization.Refused(new NotSignedIn());
        }

        var now = time.GetUtcNow();
        var parent = new ParentOrganization { Name = input.ParentName.Trim(), Plan = NewOrganizationRules.ParentPlanFor(input.Organization.Plan), CreatedAt = now };
        db.ParentOrganizations.Add(parent);
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = parent.Id, PersonId = personId, GrantedAt = now, GrantedBy = creator.Name });
        audit.Record(db, creator, "parent.created", parent.Name, null, new { parent.Name, Plan = parent.Plan.ToString() }, parentOrganizationId: parent.Id);
        var organization = Add(db, parent.Id, input.Organization, creator, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return CreatedOrganization.Refused(new ChangedMeanwhile());
        }

        return new CreatedOrganization(parent.Id, organization.Id, null);
    }

    public async Task<CreatedOrganization> CreateUnderParentAsync(Guid parentId, NewOrganization input, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentOrganizations, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return CreatedOrganization.Refused(refused);
        }

        if ((NewOrganizationRules.Check(input) ?? OrganizationRules.CheckCanJoin(write.Parent!.Plan, input.Plan)) is { } invalid)
        {
            return CreatedOrganization.Refused(invalid);
        }

        var organization = Add(write.Db, parentId, input, write.Actor, time.GetUtcNow());
        return await write.CommitAsync(cancellationToken) is { } conflict
            ? CreatedOrganization.Refused(conflict)
            : new CreatedOrganization(parentId, organization.Id, null);
    }

    // The organization, its seat pools, and its creator in its top role holding one of those seats.
    private Organization Add(IdentityAccessDbContext db, Guid parentId, NewOrganization input, AuditActor creator, DateTimeOffset now)
    {
        var organization = new Organization { Name = input.Name.Trim(), Plan = input.Plan, ParentOrganizationId = parentId, CreatedAt = now };
        db.Organizations.Add(organization);
        var product = organization.Product;
        if (RoleCatalog.HasSeatTiers(product))
        {
            db.SeatPools.AddRange(
                new SeatPool { OrganizationId = organization.Id, Tier = SeatTier.Premium, Purchased = input.PremiumSeats },
                new SeatPool { OrganizationId = organization.Id, Tier = SeatTier.Standard, Purchased = input.StandardSeats });
        }
        else
        {
            db.SeatPools.Add(new SeatPool { OrganizationId = organization.Id, Tier = null, Purchased = input.ConsoleSeats });
        }

        var tier = RoleCatalog.HasSeatTiers(product) ? SeatTier.Premium : (SeatTier?)null;
        db.Memberships.Add(new Membership
        {
            OrganizationId = organization.Id,
            PersonId = creator.PersonId!.Value,
            Role = RoleCatalog.TopRole(product),
            SeatTier = tier,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
        audit.Record(db, creator, "organization.created", organization.Name, null,
            new { organization.Name, Plan = organization.Plan.ToString(), input.PremiumSeats, input.StandardSeats, input.ConsoleSeats }, organization.Id, parentId);
        return organization;
    }
}
