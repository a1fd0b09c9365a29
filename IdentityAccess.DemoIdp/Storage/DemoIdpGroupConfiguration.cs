using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.DemoIdp.Storage;

internal sealed class DemoIdpGroupConfiguration : IEntityTypeConfiguration<DemoIdpGroup>
{
    public void Configure(EntityTypeBuilder<DemoIdpGroup> builder)
    {
        builder.ToTable("DemoIdpGroups");
        builder.Property(g => g.ImmutableId).HasMaxLength(64);
        builder.Property(g => g.DisplayName).HasMaxLength(256);
        builder.Property(g => g.Domain).HasMaxLength(253);
        builder.HasIndex(g => g.ImmutableId).IsUnique();
        // SCIM clients match groups by displayName (SCIM-CLIENTS.md §1), so names are unique within a tenant.
        builder.HasIndex(g => new { g.Domain, g.DisplayName }).IsUnique();
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
