using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Demo.Idp;

internal sealed class DemoIdpPushedObjectConfiguration : IEntityTypeConfiguration<DemoIdpPushedObject>
{
    public void Configure(EntityTypeBuilder<DemoIdpPushedObject> builder)
    {
        builder.ToTable("DemoIdpPushedObjects");
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(o => o.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ImmutableId).HasMaxLength(64);
        builder.Property(o => o.ScimId).HasMaxLength(64);
        builder.HasIndex(o => new { o.ParentOrganizationId, o.Kind, o.ImmutableId }).IsUnique();
    }
}
