using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Metadata;

internal sealed class SamlMetadataSourceConfiguration : IEntityTypeConfiguration<SamlMetadataSource>
{
    public void Configure(EntityTypeBuilder<SamlMetadataSource> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(s => s.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ParentOrganizationId).IsUnique(); // one IdP per parent, so one metadata URL
        builder.HasIndex(s => s.NextRefreshAt); // the refresher's "what is due" read
        builder.Property(s => s.Url).HasMaxLength(MetadataUrlPolicy.MaxLength);
        builder.Property(s => s.ETag).HasMaxLength(256);
        builder.Property(s => s.LastError).HasMaxLength(1000);
    }
}
