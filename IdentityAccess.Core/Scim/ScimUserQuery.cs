using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Users' filters and sortBy, in SQL on the columns extracted from the SCIM document. caseExact per RFC 7643 §4.1:
/// userName, displayName, name.*, emails.* compare case-insensitively (userName on its indexed normalized column);
/// id and externalId exactly. The emails attributes are the user's work email (else primary, else first): the one kept in a column.
/// </summary>
internal static class ScimUserQuery
{
    private static readonly ScimStringColumn<DirectoryUser> _email = new(u => u.Email!.ToUpper(), caseExact: false);

    private static readonly ScimQueryAttributes<DirectoryUser> _attributes = new ScimQueryAttributes<DirectoryUser>("Users", ScimSchemas.User, u => u.Id)
        .Add("id", new ScimIdColumn<DirectoryUser>(u => u.Id))
        .Add("userName", new ScimStringColumn<DirectoryUser>(u => u.NormalizedUserName, caseExact: false, required: true))
        .Add("externalId", new ScimStringColumn<DirectoryUser>(u => u.ExternalId, caseExact: true))
        .Add("displayName", new ScimStringColumn<DirectoryUser>(u => u.DisplayName!.ToUpper(), caseExact: false))
        .Add("active", new ScimBoolColumn<DirectoryUser>(u => u.Active))
        .Add("name.givenName", new ScimStringColumn<DirectoryUser>(u => u.GivenName!.ToUpper(), caseExact: false))
        .Add("name.familyName", new ScimStringColumn<DirectoryUser>(u => u.FamilyName!.ToUpper(), caseExact: false))
        .Add("emails", _email)
        .Add("emails.value", _email)
        .Add("emails.type", new ScimStringColumn<DirectoryUser>(u => u.EmailType!.ToUpper(), caseExact: false))
        .Add("meta.created", new ScimDateColumn<DirectoryUser>(u => u.CreatedAt))
        .Add("meta.lastModified", new ScimDateColumn<DirectoryUser>(u => u.UpdatedAt))
        // One email is kept per user, so emails[type eq "work" and value co "@acme.test"] is a condition on it.
        .AddValuePath("emails", filter => _attributes!.Translate(ScimSubAttributes.Qualify("emails", filter)));

    public static IQueryable<DirectoryUser> Filter(IQueryable<DirectoryUser> users, ScimFilter? filter) =>
        filter is null ? users : users.Where(_attributes.Translate(filter.Root));

    /// <summary>The requested order, else creation order; both end with the id, so paging is stable.</summary>
    public static IQueryable<DirectoryUser> Sort(IQueryable<DirectoryUser> users, string? sortBy, bool descending) =>
        string.IsNullOrWhiteSpace(sortBy) ? users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id) : _attributes.Sort(users, sortBy, descending);
}
