using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Connections;

internal sealed class SamlIdentityLinkConfiguration : IEntityTypeConfiguration<SamlIdentityLink>
{
    public void Configure(EntityTypeBuilder<SamlIdentityLink> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(l => l.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.IdpEntityId).HasMaxLength(1024);
        builder.Property(l => l.Subject).HasMaxLength(512);
        builder.HasIndex(l => new { l.ParentOrganizationId, l.IdpEntityId, l.Subject }).IsUnique();
        builder.HasIndex(l => l.PersonId);
    }
}
