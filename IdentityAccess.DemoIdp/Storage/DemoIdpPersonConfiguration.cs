using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.DemoIdp.Storage;

internal sealed class DemoIdpPersonConfiguration : IEntityTypeConfiguration<DemoIdpPerson>
{
    public void Configure(EntityTypeBuilder<DemoIdpPerson> builder)
    {
        builder.ToTable("DemoIdpPeople");
        builder.Property(p => p.ImmutableId).HasMaxLength(64);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(320);
        builder.Property(p => p.Domain).HasMaxLength(253);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.HasIndex(p => p.ImmutableId).IsUnique();
        builder.HasIndex(p => p.NormalizedEmail).IsUnique();
    }
}
