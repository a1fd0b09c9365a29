using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.DirectoryObjects;

internal sealed class DirectoryGroupConfiguration : IEntityTypeConfiguration<DirectoryGroup>
{
    public void Configure(EntityTypeBuilder<DirectoryGroup> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(g => g.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.ExternalId).HasMaxLength(256);
        builder.Property(g => g.DisplayName).HasMaxLength(256);
        builder.Property(g => g.NormalizedDisplayName).HasMaxLength(256);
        builder.HasIndex(g => new { g.ParentOrganizationId, g.ExternalId }).IsUnique();
        builder.HasIndex(g => new { g.ParentOrganizationId, g.NormalizedDisplayName }).IsUnique();
    }
}
