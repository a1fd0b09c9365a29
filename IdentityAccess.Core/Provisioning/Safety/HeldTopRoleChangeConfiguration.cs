using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Provisioning.Safety;

internal sealed class HeldTopRoleChangeConfiguration : IEntityTypeConfiguration<HeldTopRoleChange>
{
    public void Configure(EntityTypeBuilder<HeldTopRoleChange> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Change).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.RequestedBy).HasMaxLength(100);
        builder.Property(h => h.Reason).HasMaxLength(1000);
        builder.Property(h => h.Resolution).HasMaxLength(32);
        builder.Property(h => h.ResolvedBy).HasMaxLength(200);
        builder.HasIndex(h => new { h.OrganizationId, h.ResolvedAt });
    }
}
