namespace IdentityAccess.Core.Saml;

/// <summary>Which assertion attributes carry the subject, email, names and groups for one IdP, and what the groups are.</summary>
public sealed record SamlAttributeProfile
{
    public required SamlSubjectSource SubjectSource { get; init; }

    /// <summary>The attribute holding the subject when <see cref="SubjectSource"/> is <see cref="SamlSubjectSource.Attribute"/>.</summary>
    public string? SubjectAttribute { get; init; }

    /// <summary>When absent from the assertion, an emailAddress-format NameID is used instead.</summary>
    public string? EmailAttribute { get; init; }

    public string? GivenNameAttribute { get; init; }

    public string? FamilyNameAttribute { get; init; }

    /// <summary>When absent from the assertion, the given and family names make the display name.</summary>
    public string? DisplayNameAttribute { get; init; }

    public string? GroupsAttribute { get; init; }

    /// <summary>Ids are mapping keys as they are; names are resolved to a stable key first.</summary>
    public SamlGroupsFormat GroupsFormat { get; init; }

    /// <summary>Sent instead of the groups when there are too many for the token (Entra: more than 150).</summary>
    public string? GroupsOverageAttribute { get; init; }

    /// <summary>
    /// Microsoft Entra ID defaults. The NameID (the UPN by default) can change, so the subject is the object id; groups
    /// arrive as object ids (GUIDs), and past 150 of them Entra sends only a groups.link overage claim.
    /// </summary>
    public static SamlAttributeProfile EntraId { get; } = new()
    {
        SubjectSource = SamlSubjectSource.Attribute,
        SubjectAttribute = "http://schemas.microsoft.com/identity/claims/objectidentifier",
        EmailAttribute = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        GivenNameAttribute = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
        FamilyNameAttribute = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
        DisplayNameAttribute = "http://schemas.microsoft.com/identity/claims/displayname",
        GroupsAttribute = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
        GroupsFormat = SamlGroupsFormat.Ids,
        GroupsOverageAttribute = "http://schemas.microsoft.com/claims/groups.link",
    };

    /// <summary>
    /// Okta: attribute statements the admin adds, named after Okta's profile fields (<c>email</c>, <c>firstName</c>,
    /// <c>lastName</c>, <c>displayName</c>), and a group attribute statement named <c>groups</c>, whose values are group
    /// names. Okta's NameID format must be set to Persistent (its user id).
    /// </summary>
    public static SamlAttributeProfile Okta { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = "email",
        GivenNameAttribute = "firstName",
        FamilyNameAttribute = "lastName",
        DisplayNameAttribute = "displayName",
        GroupsAttribute = "groups",
        GroupsFormat = SamlGroupsFormat.Names,
    };
}
