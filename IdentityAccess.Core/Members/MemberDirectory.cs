using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

/// <summary>Reads an organization's members a page at a time, so a 100k-member organization loads as fast as a small one.</summary>
public sealed class MemberDirectory(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<MemberPage> GetPageAsync(Guid organizationId, MemberQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Removed members are history (the audit log keeps them), not people of the organization.
        var members = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed);
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        if (searching)
        {
            members = MemberSearch.Matching(db, members, query.Search!);
        }

        // The whole list's total is the counter the membership triggers keep: counting it was 313 ms of a 1M-member
        // organization's first page (issue 19). A search's matches are counted; they are what it narrowed to.
        var total = searching
            ? await members.CountAsync(cancellationToken)
            : await SeatHoldingCounts.ListedAsync(db, organizationId, cancellationToken);
        var page = Sort(members, query.Sort, query.Descending, searching)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MemberQuery.MaxTake));
        var items = await Items(db, page).ToListAsync(cancellationToken);
        return new MemberPage(items, total);
    }

    /// <summary>One member of this organization; null when the id is unknown or belongs to another organization.</summary>
    public async Task<MemberListItem?> FindAsync(Guid organizationId, Guid membershipId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Items(db, db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.OrganizationId == organizationId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A listed (not removed) member of this organization by the person's id, as the management API names members;
    /// null when the person is not one.
    /// </summary>
    public async Task<MemberListItem?> FindListedByPersonAsync(Guid organizationId, Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Items(db, db.Memberships.AsNoTracking()
                .Where(m => m.OrganizationId == organizationId && m.PersonId == personId && m.Status != MembershipStatus.Removed))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A listed member of this organization by email, compared as everywhere (case-insensitively); null when none.</summary>
    public async Task<MemberListItem?> FindListedByEmailAsync(Guid organizationId, string email, CancellationToken cancellationToken = default)
    {
        var normalized = EmailAddress.Normalize(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Items(db, db.Memberships.AsNoTracking()
                .Where(m => m.OrganizationId == organizationId && m.Person!.NormalizedEmail == normalized && m.Status != MembershipStatus.Removed))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<MemberListItem> Items(IdentityAccessDbContext db, IQueryable<Membership> memberships) => memberships
        .Select(m => new MemberListItem(m.Id, m.PersonId, m.Person!.DisplayName, m.Person.Email, m.Role, m.SeatTier, m.Status, m.Source, m.CreatedAt)
        {
            RoleOverride = m.RoleOverride,
            RoleOverrideSetBy = m.RoleOverrideSetBy,
            RoleOverrideSetAt = m.RoleOverrideSetAt,
            RoleBeforeSync = m.RoleBeforeSync,
            // Only suspended members ask: the page's few rows, through the directory users' person index.
            IdpDeactivatedAt = m.Status == MembershipStatus.Suspended
                ? db.DirectoryUsers.Where(u => u.PersonId == m.PersonId && u.ParentOrganizationId == m.Organization!.ParentOrganizationId && !u.Active)
                    .Select(u => u.DeactivatedAt).FirstOrDefault()
                : null,
            RemovalGraceDays = m.Organization!.Parent!.RemovalGraceDays,
        });

    // Roles are stored as text; sorting must follow precedence, not the alphabet. The order is the same in
    // both products' catalogues, so one expression serves both.
    private static readonly System.Linq.Expressions.Expression<Func<Membership, int>> _rolePrecedence = m =>
        m.Role == Role.Owner ? 0 : m.Role == Role.Admin ? 1 : m.Role == Role.Developer ? 2
        : m.Role == Role.Billing ? 3 : m.Role == Role.ClaudeCodeUser ? 4 : 5;

    // The id breaks ties, so paging is stable when many rows share a value. By name, the whole organization walks
    // the index on the members' copy of the name; a search's few matches are sorted by the person's own name,
    // since walking that index would visit every member to find them (the two names are the same).
    private static IQueryable<Membership> Sort(IQueryable<Membership> members, MemberSort sort, bool descending, bool searching) => (sort, descending) switch
    {
        (MemberSort.Name, false) when searching => members.OrderBy(m => m.Person!.DisplayName).ThenBy(m => m.Id),
        (MemberSort.Name, true) when searching => members.OrderByDescending(m => m.Person!.DisplayName).ThenBy(m => m.Id),
        (MemberSort.Name, false) => members.OrderBy(m => EF.Property<string?>(m, MembershipConfiguration.PersonNameColumn)).ThenBy(m => m.Id),
        (MemberSort.Name, true) => members.OrderByDescending(m => EF.Property<string?>(m, MembershipConfiguration.PersonNameColumn)).ThenBy(m => m.Id),
        (MemberSort.Email, false) => members.OrderBy(m => m.Person!.NormalizedEmail).ThenBy(m => m.Id),
        (MemberSort.Email, true) => members.OrderByDescending(m => m.Person!.NormalizedEmail).ThenBy(m => m.Id),
        (MemberSort.Role, false) => members.OrderBy(_rolePrecedence).ThenBy(m => m.Id),
        (MemberSort.Role, true) => members.OrderByDescending(_rolePrecedence).ThenBy(m => m.Id),
        (MemberSort.Status, false) => members.OrderBy(m => m.Status).ThenBy(m => m.Id),
        (MemberSort.Status, true) => members.OrderByDescending(m => m.Status).ThenBy(m => m.Id),
        (MemberSort.Joined, false) => members.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id),
        (MemberSort.Joined, true) => members.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id),
    };
}
