using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Scim.Log;

internal sealed class ProvisioningLogEntryConfiguration : IEntityTypeConfiguration<ProvisioningLogEntry>
{
    public void Configure(EntityTypeBuilder<ProvisioningLogEntry> builder)
    {
        builder.ToTable("ProvisioningLog");
        builder.Ignore(e => e.IsError);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(e => e.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        // Rows written before sign-ins were logged are SCIM requests: the migration fills them in as such.
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.TokenPrefix).HasMaxLength(16);
        builder.Property(e => e.Method).HasMaxLength(16);
        builder.Property(e => e.Path).HasMaxLength(ProvisioningLogEntry.MaxPathLength);
        builder.Property(e => e.Summary).HasMaxLength(ProvisioningLogEntry.MaxSummaryLength);
        builder.Property(e => e.TextCodes).HasMaxLength(ProvisioningLogEntry.MaxTextCodesLength);
        builder.Property(e => e.ErrorType).HasMaxLength(32);
        builder.Property(e => e.ErrorDetail).HasMaxLength(ProvisioningLogEntry.MaxErrorDetailLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.ParentOrganizationId, e.Id });          // the page and the export, newest first
        builder.HasIndex(e => new { e.ParentOrganizationId, e.OccurredAt });  // the last 24 hours; retention
        builder.HasIndex(e => new { e.TokenId, e.Status });                   // a token's last error
    }
}
