using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// The parent organization's email domains, managed through one of its organizations by someone allowed to manage
/// identity and access there. A domain verified by one parent cannot be verified by another.
/// </summary>
public sealed class DomainService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, TxtRecordLookup dns,
    AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<DomainView>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actingPersonId, cancellationToken) is not { } parentId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, parentId, cancellationToken);
    }

    public async Task<Error?> AddAsync(Guid organizationId, string domain, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actor.PersonId, cancellationToken) is not { } parentId)
        {
            return NotAllowed;
        }

        var (name, invalid) = DomainChallenge.Normalize(domain);
        if (invalid is not null)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.VerifiedDomains.AnyAsync(d => d.Domain == name && d.ParentOrganizationId == parentId, cancellationToken))
        {
            return new ValidationFailed("domain", $"{name} is already in the list.");
        }

        if (await VerifiedElsewhereAsync(db, name!, parentId, cancellationToken))
        {
            return new ValidationFailed("domain", $"{name} is verified by another organization. Ask its owner to remove it first.");
        }

        db.VerifiedDomains.Add(new VerifiedDomain
        {
            ParentOrganizationId = parentId,
            Domain = name!,
            Challenge = DomainChallenge.NewChallenge(),
            Status = DomainStatus.Pending,
            CreatedAt = time.GetUtcNow(),
        });
        audit.Record(db, actor, "domain.added", name!, null, null, parentOrganizationId: parentId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return new ValidationFailed("domain", $"{name} is already in the list.");
        }
    }

    /// <summary>Looks the TXT record up now; the domain becomes Verified when its value is there.</summary>
    public async Task<Error?> VerifyAsync(Guid organizationId, Guid domainId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actor.PersonId, cancellationToken) is not { } parentId)
        {
            return NotAllowed;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domain = await db.VerifiedDomains.SingleOrDefaultAsync(d => d.Id == domainId && d.ParentOrganizationId == parentId, cancellationToken);
        if (domain is null)
        {
            return new ValidationFailed("domain", "This domain is not in the list any more.");
        }

        var (records, problem) = await dns.LookupAsync(domain.Domain, cancellationToken);
        domain.LastCheckedAt = time.GetUtcNow();
        var found = records.Any(r => string.Equals(r.Trim(), domain.TxtRecordValue, StringComparison.Ordinal));
        Error? error = null;
        if (!found)
        {
            domain.LastCheckResult = problem ?? (records.Count == 0
                ? $"No TXT record at {domain.Domain} yet. DNS changes can take a while to appear."
                : $"{records.Count} TXT record(s) at {domain.Domain}, none with the value {domain.TxtRecordValue}.");
            error = new ValidationFailed("domain", domain.LastCheckResult);
        }
        else if (await VerifiedElsewhereAsync(db, domain.Domain, parentId, cancellationToken))
        {
            domain.LastCheckResult = "Found, but another organization verified this domain first.";
            error = new ValidationFailed("domain", domain.LastCheckResult);
        }
        else if (domain.Status != DomainStatus.Verified)
        {
            (domain.Status, domain.VerifiedAt, domain.LastCheckResult) = (DomainStatus.Verified, domain.LastCheckedAt, "TXT record found.");
            audit.Record(db, actor, "domain.verified", domain.Domain, null, null, parentOrganizationId: parentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return error;
    }

    public async Task<Error?> RemoveAsync(Guid organizationId, Guid domainId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actor.PersonId, cancellationToken) is not { } parentId)
        {
            return NotAllowed;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domain = await db.VerifiedDomains.SingleOrDefaultAsync(d => d.Id == domainId && d.ParentOrganizationId == parentId, cancellationToken);
        if (domain is not null)
        {
            db.VerifiedDomains.Remove(domain);
            audit.Record(db, actor, "domain.removed", domain.Domain, new { domain.Status }, null, parentOrganizationId: parentId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    /// <summary>The parent that verified the domain of this email, if any: the sign-in page's routing.</summary>
    public async Task<Guid?> ParentForEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var at = email.LastIndexOf('@');
        if (at < 0 || DomainChallenge.Normalize(email[(at + 1)..]) is not (string domain, null))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.VerifiedDomains.Where(d => d.Domain == domain && d.Status == DomainStatus.Verified)
            .Select(d => (Guid?)d.ParentOrganizationId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Without an access check: for the operator command line, which runs with the database's own rights.</summary>
    public static async Task<IReadOnlyList<DomainView>> ListAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        [.. (await db.VerifiedDomains.AsNoTracking().Where(d => d.ParentOrganizationId == parentId).OrderBy(d => d.Domain).ToListAsync(cancellationToken))
            .Select(d => new DomainView(d.Id, d.Domain, d.Status, d.TxtRecordValue, d.VerifiedAt, d.LastCheckedAt, d.LastCheckResult))];

    private static Task<bool> VerifiedElsewhereAsync(IdentityAccessDbContext db, string domain, Guid parentId, CancellationToken cancellationToken) =>
        db.VerifiedDomains.AnyAsync(d => d.Domain == domain && d.Status == DomainStatus.Verified && d.ParentOrganizationId != parentId, cancellationToken);

    private static ValidationFailed NotAllowed => new("organization", "Only the organization's Owner (chat) or Admin (Console) can manage its domains.");

    private async Task<Guid?> ParentAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ManageIdentityAccess, cancellationToken);
        return check.IsGranted ? check.Organization!.ParentId : null;
    }
}
