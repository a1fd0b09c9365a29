using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(r => r.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ViaApiKey).HasMaxLength(300);
        builder.Property(r => r.Code).HasMaxLength(SyncRun.MaxCodeLength);
        builder.Property(r => r.Category).HasMaxLength(32);
        builder.Property(r => r.Detail).HasMaxLength(SyncRun.MaxDetailLength);
        // A second start while one runs is refused by the database itself, whichever instance took the first.
        builder.HasIndex(r => r.Target).IsUnique().HasFilter("\"State\" = 'Running'");
        builder.HasIndex(r => new { r.ParentOrganizationId, r.StartedAt });
    }
}
