namespace IdentityAccess.DemoIdp;

/// <summary>
/// The attribute names the demo IdP sends: Okta's defaults, so a connection uses the Okta preset (persistent NameID as
/// the subject, <c>email</c>, <c>displayName</c>, and <c>groups</c> whose values here are the groups' immutable ids).
/// </summary>
public static class DemoIdpAttributes
{
    public const string Email = "email";
    public const string DisplayName = "displayName";
    public const string Groups = "groups";
}
