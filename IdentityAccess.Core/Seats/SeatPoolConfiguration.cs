using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Seats;

internal sealed class SeatPoolConfiguration : IEntityTypeConfiguration<SeatPool>
{
    public void Configure(EntityTypeBuilder<SeatPool> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OrganizationId, p.Tier }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_SeatPools_Purchased", "\"Purchased\" >= 0"));
    }
}
