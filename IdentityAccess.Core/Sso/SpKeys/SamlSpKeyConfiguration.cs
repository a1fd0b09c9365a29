using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.SpKeys;

internal sealed class SamlSpKeyConfiguration : IEntityTypeConfiguration<SamlSpKey>
{
    public void Configure(EntityTypeBuilder<SamlSpKey> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(k => k.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        // At most one next, one current and one previous key per use: two admins rotating at once cannot both succeed.
        builder.HasIndex(k => new { k.ParentOrganizationId, k.Use, k.Status }).IsUnique();
        builder.Property(k => k.Use).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.CertificatePem).HasMaxLength(8192);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(16384);
        builder.Property(k => k.Fingerprint).HasMaxLength(64);
    }
}
