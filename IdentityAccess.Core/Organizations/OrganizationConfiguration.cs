using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Ignore(o => o.Product);
        builder.Property(o => o.SettingsVersion).IsConcurrencyToken();
        builder.HasIndex(o => o.ParentOrganizationId);
    }
}
