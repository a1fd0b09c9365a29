using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Provisioning.Safety;

internal sealed class StagedRemovalConfiguration : IEntityTypeConfiguration<StagedRemoval>
{
    public void Configure(EntityTypeBuilder<StagedRemoval> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Change).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.Asked).HasMaxLength(200);
        builder.Property(s => s.FromRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.ToRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Path).HasMaxLength(100);
        builder.HasIndex(s => new { s.OrganizationId, s.PersonId }).IsUnique();
    }
}
