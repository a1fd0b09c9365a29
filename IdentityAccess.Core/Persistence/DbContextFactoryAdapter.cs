using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Persistence;

/// <summary>Lets services ask for the provider-neutral context while the provider's own subclass is built.</summary>
internal sealed class DbContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<IdentityAccessDbContext>
    where TContext : IdentityAccessDbContext
{
    public IdentityAccessDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<IdentityAccessDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
