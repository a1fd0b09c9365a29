using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.DemoIdp.Storage;

internal sealed class DemoIdpPushedObjectConfiguration : IEntityTypeConfiguration<DemoIdpPushedObject>
{
    public void Configure(EntityTypeBuilder<DemoIdpPushedObject> builder)
    {
        builder.ToTable("DemoIdpPushedObjects");
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ImmutableId).HasMaxLength(64);
        builder.Property(o => o.ScimId).HasMaxLength(64);
        builder.HasIndex(o => new { o.ParentOrganizationId, o.Kind, o.ImmutableId }).IsUnique();
    }
}
