using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.DirectoryObjects;

internal sealed class DirectoryGroupNestedGroupConfiguration : IEntityTypeConfiguration<DirectoryGroupNestedGroup>
{
    public void Configure(EntityTypeBuilder<DirectoryGroupNestedGroup> builder)
    {
        // As for members: the composite key makes a repeated add a no-op, and deleting either group drops the row.
        builder.HasKey(n => new { n.GroupId, n.NestedGroupId });
        builder.HasOne<DirectoryGroup>().WithMany().HasForeignKey(n => n.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryGroup>().WithMany().HasForeignKey(n => n.NestedGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.NestedGroupId);
    }
}
