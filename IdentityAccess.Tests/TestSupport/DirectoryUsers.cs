using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A directory user as a SCIM create leaves it, written straight into the database by a test that seeds many (a
/// thousand people linked to their directory users, say) or a shape the API no longer makes (a legacy user).
/// </summary>
internal static class DirectoryUsers
{
    /// <summary>The directory user of <paramref name="person"/>: their address as user name and email, their name, linked to them.</summary>
    /// <param name="createdAt">When the IdP created it, if not <paramref name="at"/>: the order newcomers wait for seats in.</param>
    public static DirectoryUser LinkedTo(Person person, Guid parentId, DateTimeOffset at, bool active = true, string? externalId = null, DateTimeOffset? createdAt = null)
    {
        var user = Named(person.Email, person.DisplayName, parentId, at, active, externalId, createdAt);
        user.PersonId = person.Id;
        return user;
    }

    /// <summary>A directory user of this address, linked to nobody.</summary>
    public static DirectoryUser Named(string email, string? displayName, Guid parentId, DateTimeOffset at, bool active = true, string? externalId = null, DateTimeOffset? createdAt = null) => new()
    {
        ParentOrganizationId = parentId,
        ExternalId = externalId,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        DisplayName = displayName,
        Active = active,
        CreatedAt = createdAt ?? at,
        UpdatedAt = at,
    };
}
