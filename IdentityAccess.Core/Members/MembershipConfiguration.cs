using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Members;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Ignore(m => m.HoldsSeat);
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganizationId, m.PersonId }).IsUnique();
        // Seat counts and the pending queue read by organization and status.
        builder.HasIndex(m => new { m.OrganizationId, m.Status, m.SeatTier });
        builder.HasIndex(m => m.PersonId);
        // The Identity and access page's top-role members (break-glass candidates): a few rows, not the whole organization.
        builder.HasIndex(m => new { m.OrganizationId, m.Role, m.Status });
    }
}
