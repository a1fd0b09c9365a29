using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Connections;

internal sealed class SamlLoginStateConfiguration : IEntityTypeConfiguration<SamlLoginState>
{
    public void Configure(EntityTypeBuilder<SamlLoginState> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.RequestId).HasMaxLength(64);
        builder.Property(s => s.NonceHash).HasMaxLength(64);
        builder.Property(s => s.ReturnUrl).HasMaxLength(2048);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(s => s.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
