using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.DirectoryObjects;

internal sealed class DirectoryGroupMemberConfiguration : IEntityTypeConfiguration<DirectoryGroupMember>
{
    public void Configure(EntityTypeBuilder<DirectoryGroupMember> builder)
    {
        // The composite key makes membership writes idempotent: adding a member twice is a no-op, not a duplicate.
        builder.HasKey(m => new { m.GroupId, m.UserId });
        builder.HasOne<DirectoryGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DirectoryUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
