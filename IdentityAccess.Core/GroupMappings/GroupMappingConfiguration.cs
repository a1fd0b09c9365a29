using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.GroupMappings;

internal sealed class GroupMappingConfiguration : IEntityTypeConfiguration<GroupMapping>
{
    public void Configure(EntityTypeBuilder<GroupMapping> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.GroupExternalId).HasMaxLength(256);
        builder.HasIndex(m => m.OrganizationId);
        builder.ToTable(t => t.HasCheckConstraint("CK_GroupMappings_RoleXorTier",
            "(\"Role\" IS NULL) <> (\"Tier\" IS NULL)"));
    }
}
