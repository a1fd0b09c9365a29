using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Organizations;

internal sealed class ParentAdministratorConfiguration : IEntityTypeConfiguration<ParentAdministrator>
{
    public void Configure(EntityTypeBuilder<ParentAdministrator> builder)
    {
        builder.Property(a => a.GrantedBy).HasMaxLength(200);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(a => a.ParentOrganizationId);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId);
        builder.HasIndex(a => new { a.ParentOrganizationId, a.PersonId }).IsUnique();
        builder.HasIndex(a => a.PersonId); // "which parents do I administer", on every check
    }
}
