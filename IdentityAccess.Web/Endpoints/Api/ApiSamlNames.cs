using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>Which SAML attributes say who a person is, as the portal's attribute names editor sets them.</summary>
/// <param name="SubjectSource"><c>PersistentNameId</c> (the NameID, which must be persistent) or <c>Attribute</c> (<paramref name="Subject"/>).</param>
/// <param name="Subject">The attribute with the person's immutable id, when <paramref name="SubjectSource"/> is <c>Attribute</c>.</param>
/// <param name="Email">The email attribute: required.</param>
/// <param name="GroupsFormat"><c>Ids</c> (immutable group ids, as Entra sends them) or <c>Names</c> (group names).</param>
internal sealed record ApiSamlNames(string? SubjectSource, string? Subject, string? Email, string? DisplayName, string? GivenName, string? FamilyName,
    string? Groups, string? GroupsFormat)
{
    public static ApiSamlNames From(SamlCustomAttributes names) => new(names.SubjectSource.ToString(), names.SubjectAttribute, names.EmailAttribute,
        names.DisplayNameAttribute, names.GivenNameAttribute, names.FamilyNameAttribute, names.GroupsAttribute, names.GroupsFormat.ToString());
}
