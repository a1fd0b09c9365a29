using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Organizations;

internal sealed class ParentOrganizationConfiguration : IEntityTypeConfiguration<ParentOrganization>
{
    public void Configure(EntityTypeBuilder<ParentOrganization> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasMany(p => p.Organizations).WithOne(o => o.Parent).HasForeignKey(o => o.ParentOrganizationId);
    }
}
