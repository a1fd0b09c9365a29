using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.People;

/// <summary>Finds people for sign-in.</summary>
public sealed class PersonLookup(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<Person?> FindAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
    }

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = EmailAddress.Normalize(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken);
    }

    /// <summary>People who are an active member somewhere, for the development sign-in list.</summary>
    public async Task<IReadOnlyList<Person>> ListActiveMembersAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking()
            .Where(p => db.Memberships.Any(m => m.PersonId == p.Id && m.Status == MembershipStatus.Active))
            .OrderBy(p => p.NormalizedEmail)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
