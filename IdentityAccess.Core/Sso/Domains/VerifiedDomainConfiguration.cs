using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Domains;

internal sealed class VerifiedDomainConfiguration : IEntityTypeConfiguration<VerifiedDomain>
{
    public void Configure(EntityTypeBuilder<VerifiedDomain> builder)
    {
        builder.Ignore(d => d.TxtRecordValue);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(d => d.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Domain).HasMaxLength(253);
        builder.Property(d => d.Challenge).HasMaxLength(64);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastCheckResult).HasMaxLength(VerifiedDomain.MaxLastCheckResultLength);
        builder.HasIndex(d => new { d.ParentOrganizationId, d.Domain }).IsUnique();
        builder.HasIndex(d => new { d.Domain, d.Status });
    }
}
