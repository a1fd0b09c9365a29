using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Members;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Ignore(m => m.HoldsSeat);
        builder.Property(m => m.RoleOverrideSetBy).HasMaxLength(200);
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganizationId, m.PersonId }).IsUnique();
        // Seat counts and the pending queue read by organization and status.
        builder.HasIndex(m => new { m.OrganizationId, m.Status, m.SeatTier });
        builder.HasIndex(m => m.PersonId);
        // The Identity and access page's top-role members (break-glass candidates): a few rows, not the whole organization.
        builder.HasIndex(m => new { m.OrganizationId, m.Role, m.Status });

        // The members page sorts by name: a copy of the person's name kept by database triggers (never written by the
        // app), so the first page of 100,000 members is an index walk instead of a sort across the join with People.
        var personName = builder.Property<string?>(PersonNameColumn).HasMaxLength(200);
        personName.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        personName.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(nameof(Membership.OrganizationId), PersonNameColumn, nameof(Membership.Id));
    }

    /// <summary>The trigger-kept copy of the member's display name that the members page sorts by.</summary>
    public const string PersonNameColumn = "PersonName";
}
