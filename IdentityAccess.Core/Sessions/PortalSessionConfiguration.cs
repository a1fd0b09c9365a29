using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sessions;

internal sealed class PortalSessionConfiguration : IEntityTypeConfiguration<PortalSession>
{
    public void Configure(EntityTypeBuilder<PortalSession> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.SignInMethod).HasMaxLength(32);
        builder.Property(s => s.RevokedReason).HasMaxLength(100);
        builder.Property(s => s.UserAgent).HasMaxLength(200);
        builder.HasIndex(s => new { s.PersonId, s.RevokedAt });
    }
}
