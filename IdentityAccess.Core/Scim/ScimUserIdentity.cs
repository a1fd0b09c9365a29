using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// The address a SCIM user is known by: its work (else primary) email, else its userName. It is what the user is
/// linked by and what becomes the person's email, so the directory may only send addresses of its parent's verified
/// domains: Acme's directory cannot create, link or rename hank@globex.test.
/// </summary>
internal static class ScimUserIdentity
{
    public static string AddressOf(ScimUserFields fields) => fields.Email ?? fields.UserName;

    public static string AddressOf(DirectoryUser user) => user.Email ?? user.UserName;

    /// <summary>Throws 400 invalidValue, naming the domain and the verified ones, unless the parent owns the user's address.</summary>
    /// <param name="stored">
    /// The user as stored, for a replace or a patch: an address it already has is let through, so an IdP can still
    /// deactivate a user whose domain the parent no longer verifies (or who came before this rule). Such a user is never
    /// linked to a person outside the verified domains, nor renames one (<see cref="DirectoryPeople"/>, <see cref="DirectoryProfile"/>).
    /// </param>
    public static async Task EnsureOwnedAsync(IdentityAccessDbContext db, ParentDomains domains, ScimUserFields fields, DirectoryUser? stored,
        CancellationToken cancellationToken)
    {
        var address = AddressOf(fields);
        if (domains.Owns(address) || (stored is not null && string.Equals(AddressOf(stored), address, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var parent = await db.ParentOrganizations.AsNoTracking().Where(p => p.Id == domains.ParentId).Select(p => p.Name).SingleAsync(cancellationToken);
        throw ScimException.InvalidValue(EmailAddress.DomainIfWellFormed(address) is { } domain
            ? $"The email domain {domain} of '{address}' is not one of {parent}'s verified domains ({domains.Describe()}). A directory provisions only " +
                "people of its parent organization's verified domains: verify the domain first, or correct the user's email."
            : $"'{address}' is not a well-formed email address. The user's work email (else its userName) becomes the person's email, and must " +
                $"be an address of one of {parent}'s verified domains ({domains.Describe()}).");
    }
}
