using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.People;

/// <summary>
/// The person's own language choice. Which languages exist is the portal's business (it has the translations): it
/// checks the name before calling, and this only refuses what could never be one.
/// </summary>
public sealed class PersonLanguage(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public const int MaxLength = 16;

    /// <summary>Sets the person's language; false when there is no such person (signed out meanwhile, say).</summary>
    public async Task<bool> SetAsync(Guid personId, string language, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(language.Length, MaxLength, nameof(language));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PreferredLanguage, language), cancellationToken) == 1;
    }
}
