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
}
