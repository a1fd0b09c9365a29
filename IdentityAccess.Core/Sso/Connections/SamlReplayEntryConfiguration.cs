using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.Connections;

internal sealed class SamlReplayEntryConfiguration : IEntityTypeConfiguration<SamlReplayEntry>
{
    public void Configure(EntityTypeBuilder<SamlReplayEntry> builder)
    {
        builder.HasKey(e => e.AssertionId);
        builder.Property(e => e.AssertionId).HasMaxLength(64);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
