using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Connections;

internal sealed class SamlConnectionConfiguration : IEntityTypeConfiguration<SamlConnection>
{
    public void Configure(EntityTypeBuilder<SamlConnection> builder)
    {
        builder.Ignore(c => c.Profile);
        builder.Ignore(c => c.AttributeNames);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(c => c.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ParentOrganizationId).IsUnique(); // one IdP per parent for now
        builder.Property(c => c.EntityId).HasMaxLength(1024);
        builder.Property(c => c.SingleSignOnUrl).HasMaxLength(2048);
        builder.Property(c => c.SigningCertificatesPem).HasMaxLength(65536);
        builder.Property(c => c.PreviousEntityId).HasMaxLength(1024);
        builder.Property(c => c.PreviousSingleSignOnUrl).HasMaxLength(2048);
        builder.Property(c => c.PreviousSigningCertificatesPem).HasMaxLength(65536);
        builder.Property(c => c.Preset).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CustomSubjectSource).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.CustomSubjectAttribute).HasMaxLength(256);
        builder.Property(c => c.CustomEmailAttribute).HasMaxLength(256);
        builder.Property(c => c.CustomDisplayNameAttribute).HasMaxLength(256);
        builder.Property(c => c.CustomGroupsAttribute).HasMaxLength(256);
        builder.Property(c => c.CustomGivenNameAttribute).HasMaxLength(256);
        builder.Property(c => c.CustomFamilyNameAttribute).HasMaxLength(256);
        builder.Property(c => c.GroupsFormat).HasConversion<string>().HasMaxLength(16);
    }
}
