using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Domains;

internal sealed class RemovedDomainChallengeConfiguration : IEntityTypeConfiguration<RemovedDomainChallenge>
{
    public void Configure(EntityTypeBuilder<RemovedDomainChallenge> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(c => c.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ParentOrganizationId, c.Domain }).IsUnique();
        builder.Property(c => c.Domain).HasMaxLength(253);
        builder.Property(c => c.Challenge).HasMaxLength(64);
    }
}
