using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.DirectoryObjects;

internal sealed class DirectoryUserConfiguration : IEntityTypeConfiguration<DirectoryUser>
{
    public void Configure(EntityTypeBuilder<DirectoryUser> builder)
    {
        builder.HasOne<ParentOrganization>().WithMany().HasForeignKey(u => u.ParentOrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(u => u.ExternalId).HasMaxLength(256);
        builder.Property(u => u.UserName).HasMaxLength(320);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(320);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.GivenName).HasMaxLength(200);
        builder.Property(u => u.FamilyName).HasMaxLength(200);
        builder.Property(u => u.EmailType).HasMaxLength(64);
        builder.HasIndex(u => new { u.ParentOrganizationId, u.NormalizedUserName }).IsUnique();
        // externalId is unique per directory (RFC 7643 §3.1 "uniqueness: server" in practice: the IdP's object id): the
        // index turns a concurrent duplicate into a 409 (ScimUserUniqueness), never two users for one IdP object.
        builder.HasIndex(u => new { u.ParentOrganizationId, u.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        builder.HasIndex(u => u.PersonId);
        // SCIM's list order (startIndex paging): the database walks this index instead of sorting the parent's users per page.
        builder.HasIndex(u => new { u.ParentOrganizationId, u.CreatedAt, u.Id });
        // The Identity and access page counts the assigned users and looks for those who are not members: read from this
        // index alone, without visiting each of a large directory's rows.
        builder.HasIndex(u => new { u.ParentOrganizationId, u.Active, u.PersonId });
    }
}
