using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.People;

/// <summary>
/// A name and email as the parent's directory (SCIM) or IdP (a SAML sign-in) states them now, applied to the person
/// they belong to, so member lists, exports and the audit log stop showing what the IdP has since changed. Only a person
/// the parent owns changes: one whose current email domain the parent verified. A person linked to the directory but of
/// another domain (another tenant's, or someone whose address moved elsewhere) is left exactly as they are.
/// </summary>
internal static class DirectoryProfile
{
    /// <summary>The People.DisplayName column's length.</summary>
    private const int MaxDisplayName = 200;

    /// <param name="displayName">Null or blank: the name is left alone (not every IdP sends one).</param>
    /// <param name="email">Null or blank: the email is left alone. A new email must be of the parent's verified domains and nobody else's.</param>
    public static async Task<ProfileChange> ApplyAsync(IdentityAccessDbContext db, Person person, ParentDomains domains, string? displayName, string? email,
        AuditLog audit, AuditActor actor, CancellationToken cancellationToken)
    {
        if (!domains.Owns(person.Email))
        {
            return ProfileChange.NotOwned;
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? person.DisplayName : displayName.Trim();
        name = name.Length > MaxDisplayName ? name[..MaxDisplayName] : name;
        var newEmail = person.Email;
        ProfileEmailRefusal? refused = null;
        if (!string.IsNullOrWhiteSpace(email) && EmailAddress.Normalize(email) is var normalized && normalized != person.NormalizedEmail)
        {
            if (!domains.Owns(email))
            {
                refused = ProfileEmailRefusal.OutsideVerifiedDomains;
            }
            else if (await db.People.AnyAsync(p => p.NormalizedEmail == normalized && p.Id != person.Id, cancellationToken))
            {
                refused = ProfileEmailRefusal.UsedByAnotherPerson;
            }
            else
            {
                newEmail = EmailAddress.Clean(email);
            }
        }

        if (name == person.DisplayName && newEmail == person.Email)
        {
            return new ProfileChange(true, false, false, refused);
        }

        var before = new { person.DisplayName, person.Email };
        var (nameChanged, emailChanged) = (name != person.DisplayName, newEmail != person.Email);
        person.DisplayName = name;
        person.ChangeEmail(newEmail);
        audit.Record(db, actor, "person.profile_updated", person.Email, before, new { person.DisplayName, person.Email }, parentOrganizationId: domains.ParentId);
        return new ProfileChange(true, nameChanged, emailChanged, refused);
    }
}
