using IdentityAccess.DemoIdp.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.DemoIdp.Storage;

/// <summary>
/// Creates the demo IdP's database when it does not exist yet (EnsureCreated: it has no migrations; to change its shape,
/// delete the file) and fills a new one with the demo directory. An app database seeded before the demo IdP had its own
/// storage thus gets a fresh demo directory and key, and the start-up re-imports the new key into its connections.
/// </summary>
public sealed class DemoIdpStore(IDbContextFactory<DemoIdpDbContext> contexts, DemoIdpStorage storage, TimeProvider time, ILogger<DemoIdpStore> logger)
{
    /// <returns>True when the database was created now.</returns>
    public async Task<bool> EnsureCreatedAsync(bool seed, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            return false;
        }

        if (seed)
        {
            DemoIdpSeed.Add(db, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Created the demo identity provider's database at {DataSource}{Seeded}.", storage.DataSource, seed ? ", with the demo directory" : "");
        return true;
    }
}
