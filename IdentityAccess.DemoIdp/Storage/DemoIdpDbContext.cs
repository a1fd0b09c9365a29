using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp.Storage;

/// <summary>
/// The demo IdP's own database (SQLite), apart from the product's: its directory, its signing key and what its SCIM
/// pushes created. It has no migrations (<see cref="DemoIdpStore"/> creates it), so the product's migrations hold no
/// demo table; an IdP is another system, and this one keeps no reference into the product's tables.
/// </summary>
public sealed class DemoIdpDbContext(DbContextOptions<DemoIdpDbContext> options) : DbContext(options)
{
    public DbSet<DemoIdpPerson> People => Set<DemoIdpPerson>();

    public DbSet<DemoIdpGroup> Groups => Set<DemoIdpGroup>();

    public DbSet<DemoIdpGroupMember> GroupMembers => Set<DemoIdpGroupMember>();

    public DbSet<DemoIdpKey> Keys => Set<DemoIdpKey>();

    public DbSet<DemoIdpPushedObject> PushedObjects => Set<DemoIdpPushedObject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DemoIdpDbContext).Assembly);
}
