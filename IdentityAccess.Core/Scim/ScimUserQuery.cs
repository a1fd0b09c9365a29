using IdentityAccess.Core.DirectoryObjects;

namespace IdentityAccess.Core.Scim;

/// <summary>Turns a parsed filter into SQL on indexed columns; an attribute not listed here is an invalidFilter error.</summary>
internal static class ScimUserQuery
{
    public static IQueryable<DirectoryUser> Apply(IQueryable<DirectoryUser> users, ScimFilter? filter)
    {
        foreach (var (attribute, value) in filter?.Clauses ?? [])
        {
            users = attribute switch
            {
                // RFC 7643: userName is caseExact=false.
                "username" => users.Where(u => u.NormalizedUserName == value.ToUpperInvariant()),
                "externalid" => users.Where(u => u.ExternalId == value),
                "id" => Guid.TryParse(value, out var id) ? users.Where(u => u.Id == id) : users.Where(_ => false),
                "emails.value" => users.Where(u => u.Email != null && u.Email.ToUpper() == value.ToUpperInvariant()),
                "displayname" => users.Where(u => u.DisplayName == value),
                _ => throw ScimException.InvalidFilter($"Filtering Users on '{attribute}' is not supported."),
            };
        }

        return users;
    }
}
