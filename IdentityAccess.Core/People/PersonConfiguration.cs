using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(320);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(PersonLanguage.MaxLength);
        // The unique index is what makes emails case-insensitively unique, whatever the database's collation.
        builder.HasIndex(p => p.NormalizedEmail).IsUnique();
    }
}
