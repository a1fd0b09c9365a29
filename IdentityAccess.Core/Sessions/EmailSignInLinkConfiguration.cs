using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sessions;

internal sealed class EmailSignInLinkConfiguration : IEntityTypeConfiguration<EmailSignInLink>
{
    public void Configure(EntityTypeBuilder<EmailSignInLink> builder)
    {
        builder.Property(l => l.NormalizedEmail).HasMaxLength(320);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.ReturnUrl).HasMaxLength(2048);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.NormalizedEmail, l.CreatedAt }); // rate limit: links asked for one address lately
    }
}
