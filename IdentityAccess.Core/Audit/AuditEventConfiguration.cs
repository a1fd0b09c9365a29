using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(320);
        builder.Property(e => e.ViaApiKey).HasMaxLength(160); // a key's name (at most 100) and its prefix
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Target).HasMaxLength(320);
        // The audit log page reads one organization's events, newest first.
        builder.HasIndex(e => new { e.OrganizationId, e.OccurredAt });
        builder.HasIndex(e => new { e.ParentOrganizationId, e.OccurredAt });
        // The person filter: one person's entries without reading the whole log (the target is their email).
        builder.HasIndex(e => new { e.OrganizationId, e.Target });
        builder.HasIndex(e => new { e.ParentOrganizationId, e.Target });
    }
}
