using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.DemoIdp.Storage;

internal sealed class DemoIdpGroupMemberConfiguration : IEntityTypeConfiguration<DemoIdpGroupMember>
{
    public void Configure(EntityTypeBuilder<DemoIdpGroupMember> builder)
    {
        builder.ToTable("DemoIdpGroupMembers");
        builder.HasKey(m => new { m.GroupId, m.PersonId });
        builder.HasOne<DemoIdpPerson>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
