using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// Who governs a parent organization: its admins list, grant and revoke the role, chosen among the active members of
/// its organizations, and a parent always keeps one. Each change runs as a guarded command on the parent (its lock,
/// the acting person's standing read under it, <see cref="Permission.ManageParentAdmins"/>) and is audited with it.
/// </summary>
public sealed class ParentAdministration(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    /// <summary>The parent's admins, for the parent page; null when the person may not view the parent.</summary>
    public async Task<IReadOnlyList<ParentAdminView>?> ListAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, parentId, cancellationToken);
    }

    /// <summary>
    /// The admins of an organization's parent, for its Identity and access page: whoever may open that page learns who
    /// may change what the parent owns. Null when the person may not.
    /// </summary>
    public async Task<IReadOnlyList<ParentAdminView>?> ListThroughOrganizationAsync(Guid organizationId, Guid? actingPersonId,
        CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        if (!check.IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, check.Organization!.ParentId, cancellationToken);
    }

    /// <summary>Without an access check: for the operator command line.</summary>
    public async Task<IReadOnlyList<ParentAdminView>> ListAsOperatorAsync(Guid parentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, parentId, cancellationToken);
    }

    public async Task<Error?> GrantAsync(Guid parentId, string email, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentAdmins, cancellationToken);
        return write.Refusal ?? await GrantAsync(write, email, cancellationToken);
    }

    public async Task<Error?> GrantAsOperatorAsync(Guid parentId, string email, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, cancellationToken);
        return write.Refusal ?? await GrantAsync(write, email, cancellationToken);
    }

    /// <summary>Revoking oneself is allowed while another admin remains.</summary>
    public async Task<Error?> RevokeAsync(Guid parentId, Guid adminPersonId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentAdmins, cancellationToken);
        return write.Refusal ?? await RevokeAsync(write, adminPersonId, cancellationToken);
    }

    public async Task<Error?> RevokeAsOperatorAsync(Guid parentId, string email, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var personId = string.IsNullOrWhiteSpace(email) ? null : await write.Db.People.Where(p => p.NormalizedEmail == EmailAddress.Normalize(email))
            .Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return personId is { } id ? await RevokeAsync(write, id, cancellationToken) : new ParentAdminNotFound();
    }

    private async Task<Error?> GrantAsync(GuardedWrite write, string email, CancellationToken cancellationToken)
    {
        var (db, parent) = (write.Db, write.Parent!);
        if (string.IsNullOrWhiteSpace(email))
        {
            return new ValidationFailed("email", ValidationRule.ParentAdminEmailRequired);
        }

        var normalized = EmailAddress.Normalize(email);
        var person = await db.People.AsNoTracking().Where(p => p.NormalizedEmail == normalized
                && db.Memberships.Any(m => m.PersonId == p.Id && m.Status == MembershipStatus.Active && m.Organization!.ParentOrganizationId == parent.Id))
            .Select(p => new { p.Id, p.Email, p.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return new NotAMemberUnderParent(EmailAddress.Clean(email), parent.Name);
        }

        if (await db.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == parent.Id && a.PersonId == person.Id, cancellationToken))
        {
            return new AlreadyParentAdmin(person.Email, parent.Name);
        }

        db.ParentAdministrators.Add(new ParentAdministrator
        {
            ParentOrganizationId = parent.Id,
            PersonId = person.Id,
            GrantedAt = time.GetUtcNow(),
            GrantedBy = write.Actor.Name,
        });
        audit.Record(db, write.Actor, "parent.admin_granted", person.Email, null, new { Admin = person.DisplayName }, parentOrganizationId: parent.Id);
        return await write.CommitAsync(cancellationToken);
    }

    private async Task<Error?> RevokeAsync(GuardedWrite write, Guid adminPersonId, CancellationToken cancellationToken)
    {
        var (db, parent) = (write.Db, write.Parent!);
        var admin = await db.ParentAdministrators.Include(a => a.Person)
            .SingleOrDefaultAsync(a => a.ParentOrganizationId == parent.Id && a.PersonId == adminPersonId, cancellationToken);
        if (admin is null)
        {
            return new ParentAdminNotFound();
        }

        // Counted under the parent's lock: two admins revoking each other at once cannot both succeed.
        if (!await db.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == parent.Id && a.PersonId != adminPersonId, cancellationToken))
        {
            return new LastParentAdmin(parent.Name);
        }

        db.ParentAdministrators.Remove(admin);
        audit.Record(db, write.Actor, "parent.admin_revoked", admin.Person!.Email, new { Admin = admin.Person.DisplayName }, null, parentOrganizationId: parent.Id);
        return await write.CommitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ParentAdminView>> ListAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var rows = await db.ParentAdministrators.AsNoTracking().Where(a => a.ParentOrganizationId == parentId)
            .Select(a => new ParentAdminView(a.PersonId, a.Person!.DisplayName, a.Person.Email, a.GrantedAt, a.GrantedBy))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }
}
