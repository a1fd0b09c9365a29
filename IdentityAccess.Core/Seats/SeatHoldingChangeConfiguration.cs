using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Seats;

internal sealed class SeatHoldingChangeConfiguration : IEntityTypeConfiguration<SeatHoldingChange>
{
    public void Configure(EntityTypeBuilder<SeatHoldingChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Tier).HasMaxLength(32);
        builder.HasIndex(c => c.OrganizationId);

        // No foreign key: deleting an organization cascades to its memberships, whose trigger then writes changes for
        // an organization already gone. Such rows are never read and cost nothing.
    }
}
