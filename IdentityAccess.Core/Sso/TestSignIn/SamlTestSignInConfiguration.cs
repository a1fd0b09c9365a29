using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Sso.TestSignIn;

internal sealed class SamlTestSignInConfiguration : IEntityTypeConfiguration<SamlTestSignIn>
{
    public void Configure(EntityTypeBuilder<SamlTestSignIn> builder)
    {
        builder.ToTable("SamlTestSignIns");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.StartedByName).HasMaxLength(320);
        builder.Property(t => t.IdpEntityId).HasMaxLength(1024);
        builder.Property(t => t.FailedCheck).HasMaxLength(200);
        builder.Ignore(t => t.IsDraft);
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(t => t.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.StartedByPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ParentOrganizationId, t.CompletedAt });
        // A test's login state goes with it: it can never be left behind as an ordinary login.
        builder.HasMany<SamlLoginState>().WithOne().HasForeignKey(s => s.TestSignInId).OnDelete(DeleteBehavior.Cascade);
    }
}
