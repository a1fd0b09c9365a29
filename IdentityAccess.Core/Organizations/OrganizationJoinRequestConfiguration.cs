using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Organizations;

internal sealed class OrganizationJoinRequestConfiguration : IEntityTypeConfiguration<OrganizationJoinRequest>
{
    public void Configure(EntityTypeBuilder<OrganizationJoinRequest> builder)
    {
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RequestedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ParentOrganizationId, r.Status });
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
    }
}
