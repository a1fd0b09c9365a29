using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.DemoIdp.Storage;

internal sealed class DemoIdpKeyConfiguration : IEntityTypeConfiguration<DemoIdpKey>
{
    public void Configure(EntityTypeBuilder<DemoIdpKey> builder)
    {
        builder.ToTable("DemoIdpKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
    }
}
