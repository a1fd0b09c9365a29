using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Api.Keys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(k => k.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(k => k.CreatedByPersonId);
        builder.Property(k => k.Name).HasMaxLength(ApiKeyRules.MaxNameLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Scope).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(k => k.Prefix).IsUnique(); // every request finds its key by it
        builder.HasIndex(k => k.ParentOrganizationId);
    }
}
