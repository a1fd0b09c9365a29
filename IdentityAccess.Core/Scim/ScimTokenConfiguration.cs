using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Scim;

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> builder)
    {
        builder.Ignore(t => t.IsActive);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(t => t.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(320);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.ParentOrganizationId);
    }
}
