using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Seats;

internal sealed class SeatHoldingConfiguration : IEntityTypeConfiguration<SeatHolding>
{
    public void Configure(EntityTypeBuilder<SeatHolding> builder)
    {
        builder.HasKey(h => new { h.OrganizationId, h.Tier });
        builder.Property(h => h.Tier).HasMaxLength(32);
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
