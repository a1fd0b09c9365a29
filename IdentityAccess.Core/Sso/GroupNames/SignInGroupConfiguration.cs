using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.GroupNames;

internal sealed class SignInGroupConfiguration : IEntityTypeConfiguration<SignInGroup>
{
    public void Configure(EntityTypeBuilder<SignInGroup> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(g => g.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.Key).HasMaxLength(GroupNameMatching.MaxLength); // as GroupMapping.GroupExternalId
        builder.Property(g => g.Name).HasMaxLength(GroupNameMatching.MaxLength);
        builder.Property(g => g.NormalizedName).HasMaxLength(GroupNameMatching.MaxNormalizedLength);
        builder.HasIndex(g => new { g.ParentOrganizationId, g.Key }).IsUnique();
        builder.HasIndex(g => new { g.ParentOrganizationId, g.NormalizedName }).IsUnique();
    }
}
