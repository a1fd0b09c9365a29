using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Provisioning.Drafts;

internal sealed class UnsavedSettingsDraftConfiguration : IEntityTypeConfiguration<UnsavedSettingsDraft>
{
    public void Configure(EntityTypeBuilder<UnsavedSettingsDraft> builder)
    {
        // A draft goes with its person or its organization: it is nobody else's to keep.
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Content).HasMaxLength(SettingsDraftContent.MaxLength);
        builder.HasIndex(d => new { d.OrganizationId, d.PersonId }).IsUnique();
        builder.HasIndex(d => d.PersonId);
    }
}
