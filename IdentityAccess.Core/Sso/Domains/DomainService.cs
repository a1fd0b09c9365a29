using System.Globalization;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// The parent organization's email domains. Only its parent admins change them (<see cref="Permission.ManageParentSettings"/>,
/// checked under the parent's lock); the parent page and the Identity and access page of each of its organizations
/// show them. A domain verified by one parent cannot be verified by another.
/// </summary>
public sealed class DomainService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    TxtRecordLookup dns, AuditLog audit, TimeProvider time)
{
    /// <summary>The domains of an organization's parent, for its Identity and access page; null when the person may not open it.</summary>
    public async Task<IReadOnlyList<DomainView>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        return check.IsGranted ? await ReadAsync(check.Organization!.ParentId, cancellationToken) : null;
    }

    /// <summary>The parent's domains, for its page; null when the person may not view the parent.</summary>
    public async Task<IReadOnlyList<DomainView>?> ListForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted
            ? await ReadAsync(parentId, cancellationToken)
            : null;

    public async Task<Error?> AddAsync(Guid parentId, string domain, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (name, invalid) = DomainChallenge.Normalize(domain);
        if (invalid is not null)
        {
            return invalid;
        }

        var db = write.Db;
        if (await db.VerifiedDomains.AnyAsync(d => d.Domain == name && d.ParentOrganizationId == parentId, cancellationToken))
        {
            return new DomainAlreadyListed(name!);
        }

        if (await VerifiedElsewhereAsync(db, name!, parentId, cancellationToken))
        {
            return new DomainVerifiedElsewhere(name!);
        }

        // Re-added within 30 days of its removal: the same TXT value, so the record still published verifies it again.
        var now = time.GetUtcNow();
        var kept = await db.RemovedDomainChallenges.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId && c.Domain == name, cancellationToken);
        if (kept is not null)
        {
            db.RemovedDomainChallenges.Remove(kept);
        }

        db.VerifiedDomains.Add(new VerifiedDomain
        {
            ParentOrganizationId = parentId,
            Domain = name!,
            Challenge = kept is not null && now - kept.RemovedAt <= RemovedDomainChallenge.KeptFor ? kept.Challenge : DomainChallenge.NewChallenge(),
            Status = DomainStatus.Pending,
            CreatedAt = now,
        });
        audit.Record(db, write.Actor, "domain.added", name!, null, null, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken) is null ? null : new DomainAlreadyListed(name!);
    }

    /// <summary>
    /// Looks the TXT record up now; the domain becomes Verified when its value is there. The DNS lookup (seconds, when a
    /// resolver is slow) runs between a first check and the guarded write, so it never holds the parent's lock.
    /// </summary>
    public async Task<Error?> VerifyAsync(Guid parentId, Guid domainId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (!check.IsGranted)
        {
            return check.Refusal;
        }

        string? name;
        await using (var read = await contexts.CreateDbContextAsync(cancellationToken))
        {
            name = await read.VerifiedDomains.Where(d => d.Id == domainId && d.ParentOrganizationId == parentId).Select(d => d.Domain)
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (name is null)
        {
            return new DomainNotListed();
        }

        var (records, problem) = await dns.LookupAsync(name, cancellationToken);

        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var db = write.Db;
        var domain = await db.VerifiedDomains.SingleOrDefaultAsync(d => d.Id == domainId && d.ParentOrganizationId == parentId, cancellationToken);
        if (domain is null)
        {
            return new DomainNotListed();
        }

        domain.LastCheckedAt = time.GetUtcNow();
        var found = records.Any(r => string.Equals(r.Trim(), domain.TxtRecordValue, StringComparison.Ordinal));
        Error? error = null;
        DomainCheckResult? result = null;
        if (!found)
        {
            (error, result) = problem is not null ? (new ValidationFailed("domain", ValidationRule.DomainLookupFailed, problem), problem)
                : records.Count == 0 ? (new ValidationFailed("domain", ValidationRule.DomainTxtRecordMissing, domain.Domain),
                    DomainCheckResult.Of(DomainCheckCode.TxtRecordMissing, domain.Domain))
                : (new ValidationFailed("domain", ValidationRule.DomainTxtRecordDifferent, records.Count, domain.Domain, domain.TxtRecordValue),
                    DomainCheckResult.Of(DomainCheckCode.TxtRecordDifferent, records.Count.ToString(CultureInfo.InvariantCulture), domain.Domain, domain.TxtRecordValue));
        }
        else if (await VerifiedElsewhereAsync(db, domain.Domain, parentId, cancellationToken))
        {
            (error, result) = (new ValidationFailed("domain", ValidationRule.DomainFoundButVerifiedElsewhere), DomainCheckResult.Of(DomainCheckCode.VerifiedElsewhere));
        }
        else if (domain.Status != DomainStatus.Verified)
        {
            (domain.Status, domain.VerifiedAt, result) = (DomainStatus.Verified, domain.LastCheckedAt, DomainCheckResult.Of(DomainCheckCode.Found));
            audit.Record(db, write.Actor, "domain.verified", domain.Domain, null, null, parentOrganizationId: parentId);
        }

        // Kept as a code, so the panel says it in each reader's language; a check of a domain already verified changes nothing.
        domain.LastCheckResult = result?.Write() ?? domain.LastCheckResult;
        return await write.CommitAsync(cancellationToken) ?? error;
    }

    /// <summary>What removing the domain would cut off, for the confirmation shown before it; parent admins only.</summary>
    public async Task<(DomainRemovalImpact? Impact, Error? Refusal)> PreviewRemovalAsync(Guid parentId, Guid domainId, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        var check = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (!check.IsGranted)
        {
            return (null, check.Refusal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domain = await db.VerifiedDomains.AsNoTracking().SingleOrDefaultAsync(d => d.Id == domainId && d.ParentOrganizationId == parentId, cancellationToken);
        return domain is null ? (null, new DomainNotListed()) : (await ImpactAsync(db, domain, cancellationToken), null);
    }

    /// <summary>
    /// Removes the domain. A verified one that people sign in through needs <paramref name="confirmation"/> to be the
    /// domain's name, checked here against the impact as it is now, not as the preview saw it. Its TXT value is kept
    /// for 30 days, so re-adding it needs no DNS change.
    /// </summary>
    public async Task<Error?> RemoveAsync(Guid parentId, Guid domainId, Guid actingPersonId, string? confirmation = null,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var domain = await write.Db.VerifiedDomains.SingleOrDefaultAsync(d => d.Id == domainId && d.ParentOrganizationId == parentId, cancellationToken);
        if (domain is null)
        {
            return null; // already gone: what the person wanted
        }

        var impact = await ImpactAsync(write.Db, domain, cancellationToken);
        if (!impact.IsConfirmedBy(confirmation))
        {
            return new DomainRemovalNotConfirmed(domain.Domain);
        }

        write.Db.VerifiedDomains.Remove(domain);
        await write.Db.RemovedDomainChallenges.Where(c => c.ParentOrganizationId == parentId && c.Domain == domain.Domain).ExecuteDeleteAsync(cancellationToken);
        write.Db.RemovedDomainChallenges.Add(new RemovedDomainChallenge
        {
            ParentOrganizationId = parentId,
            Domain = domain.Domain,
            Challenge = domain.Challenge,
            RemovedAt = time.GetUtcNow(),
        });
        audit.Record(write.Db, write.Actor, "domain.removed", domain.Domain, new { domain.Status, impact.Members, impact.DirectoryUsers, impact.SsoEnabled }, null,
            parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    private static async Task<DomainRemovalImpact> ImpactAsync(IdentityAccessDbContext db, VerifiedDomain domain, CancellationToken cancellationToken)
    {
        var parentId = domain.ParentOrganizationId;
        // Stored addresses are normalized to upper case; compared in that case on both providers (SQLite's LIKE ignores
        // ASCII case, PostgreSQL's does not).
        var suffix = "@" + domain.Domain.ToUpperInvariant();
        var members = await db.Memberships.Where(m => m.Organization!.ParentOrganizationId == parentId && m.Status == Members.MembershipStatus.Active
                && m.Person!.NormalizedEmail.EndsWith(suffix))
            .Select(m => m.PersonId).Distinct().CountAsync(cancellationToken);
        var directoryUsers = await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == parentId
            && (u.Email ?? u.UserName).ToUpper().EndsWith(suffix), cancellationToken);
        var ssoEnabled = await db.SamlConnections.AnyAsync(c => c.ParentOrganizationId == parentId && c.Enabled, cancellationToken);
        var othersVerified = await db.VerifiedDomains.AnyAsync(d => d.ParentOrganizationId == parentId && d.Id != domain.Id && d.Status == DomainStatus.Verified,
            cancellationToken);
        return new DomainRemovalImpact(domain.Domain, domain.Status, members, directoryUsers, ssoEnabled,
            LastVerifiedDomain: domain.Status == DomainStatus.Verified && !othersVerified);
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

    private async Task<IReadOnlyList<DomainView>> ReadAsync(Guid parentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, parentId, cancellationToken);
    }

    private static Task<bool> VerifiedElsewhereAsync(IdentityAccessDbContext db, string domain, Guid parentId, CancellationToken cancellationToken) =>
        db.VerifiedDomains.AnyAsync(d => d.Domain == domain && d.Status == DomainStatus.Verified && d.ParentOrganizationId != parentId, cancellationToken);
}
