using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The attribute names each preset fills in, from each IdP's documented defaults. Where an IdP has no default (most
/// send only the attributes its admin adds), the name is the convention the setup guide tells the admin to configure,
/// and the comment says so. Entra ID and ADFS use their claim URIs.
/// </summary>
public static class SamlAttributePresets
{
    /// <summary>The presets in the order the panel offers them, <see cref="SamlAttributePreset.Custom"/> last.</summary>
    public static IReadOnlyList<SamlAttributePreset> All { get; } =
    [
        SamlAttributePreset.EntraId, SamlAttributePreset.Okta, SamlAttributePreset.GoogleWorkspace, SamlAttributePreset.OneLogin,
        SamlAttributePreset.JumpCloud, SamlAttributePreset.PingOne, SamlAttributePreset.Adfs, SamlAttributePreset.Custom,
    ];

    private const string ClaimsXmlSoap = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

    public static SamlAttributeProfile Profile(SamlAttributePreset preset) => preset switch
    {
        SamlAttributePreset.EntraId => SamlAttributeProfile.EntraId,
        SamlAttributePreset.Okta => SamlAttributeProfile.Okta,
        SamlAttributePreset.GoogleWorkspace => GoogleWorkspace,
        SamlAttributePreset.OneLogin => OneLogin,
        SamlAttributePreset.JumpCloud => JumpCloud,
        SamlAttributePreset.PingOne => PingOne,
        SamlAttributePreset.Adfs => Adfs,
        SamlAttributePreset.Custom => Custom,
    };

    /// <summary>A preset's names in the shape the import and the editor take.</summary>
    public static SamlCustomAttributes Names(SamlAttributePreset preset) => SamlCustomAttributes.From(Profile(preset));

    /// <summary>
    /// Google Workspace sends no attribute until the admin maps one in the custom SAML app; the names are our
    /// convention (Primary email → <c>email</c>, First/Last name → <c>firstName</c>/<c>lastName</c>, Group membership →
    /// <c>groups</c>, sent as group names). Google has no immutable id to offer as NameID: set the Name ID format to
    /// Persistent, with the primary email or, better, an employee ID that never changes.
    /// </summary>
    private static SamlAttributeProfile GoogleWorkspace { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = "email",
        GivenNameAttribute = "firstName",
        FamilyNameAttribute = "lastName",
        GroupsAttribute = "groups",
        GroupsFormat = SamlGroupsFormat.Names,
    };

    /// <summary>
    /// OneLogin's SAML Custom Connector sends the parameters the admin adds; the names are our convention:
    /// <c>id</c> (value: the user's UUID, which never changes, unlike the default email NameID), <c>email</c>,
    /// <c>firstName</c>, <c>lastName</c>, and a multi-value <c>groups</c> parameter (roles or MemberOf: names).
    /// </summary>
    private static SamlAttributeProfile OneLogin { get; } = new()
    {
        SubjectSource = SamlSubjectSource.Attribute,
        SubjectAttribute = "id",
        EmailAttribute = "email",
        GivenNameAttribute = "firstName",
        FamilyNameAttribute = "lastName",
        GroupsAttribute = "groups",
        GroupsFormat = SamlGroupsFormat.Names,
    };

    /// <summary>
    /// JumpCloud: user attributes the admin maps, named after JumpCloud's own fields (<c>email</c>, <c>firstname</c>,
    /// <c>lastname</c>: our convention), and its "include group attribute" option, named <c>memberOf</c> by default,
    /// whose values are user group names. The NameID (the email by default) must be set Persistent on a field that never changes.
    /// </summary>
    private static SamlAttributeProfile JumpCloud { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = "email",
        GivenNameAttribute = "firstname",
        FamilyNameAttribute = "lastname",
        GroupsAttribute = "memberOf",
        GroupsFormat = SamlGroupsFormat.Names,
    };

    /// <summary>
    /// PingOne: the required <c>saml_subject</c> mapping becomes the NameID (map it to User ID, with the persistent
    /// format); the other attributes are ones the admin adds, named by our convention, with <c>memberOf</c> mapped to
    /// PingOne's Group Names.
    /// </summary>
    private static SamlAttributeProfile PingOne { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = "email",
        GivenNameAttribute = "firstName",
        FamilyNameAttribute = "lastName",
        GroupsAttribute = "memberOf",
        GroupsFormat = SamlGroupsFormat.Names,
    };

    /// <summary>
    /// AD FS issues the claims its rules send, under claim-type URIs: E-Mail-Addresses → E-Mail Address, Given-Name,
    /// Surname, Display-Name → Name, and Token-Groups (unqualified names) → Group, whose values are group names. The
    /// NameID is our convention: a rule that issues a persistent Name ID from an attribute that never changes (objectGUID).
    /// </summary>
    private static SamlAttributeProfile Adfs { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = ClaimsXmlSoap + "emailaddress",
        GivenNameAttribute = ClaimsXmlSoap + "givenname",
        FamilyNameAttribute = ClaimsXmlSoap + "surname",
        DisplayNameAttribute = ClaimsXmlSoap + "name",
        GroupsAttribute = "http://schemas.xmlsoap.org/claims/Group",
        GroupsFormat = SamlGroupsFormat.Names,
    };

    /// <summary>The starting point for any other IdP: plain names, groups as ids (what they were before presets had formats).</summary>
    private static SamlAttributeProfile Custom { get; } = new()
    {
        SubjectSource = SamlSubjectSource.PersistentNameId,
        EmailAttribute = "email",
        GivenNameAttribute = "firstName",
        FamilyNameAttribute = "lastName",
        DisplayNameAttribute = "displayName",
        GroupsAttribute = "groups",
        GroupsFormat = SamlGroupsFormat.Ids,
    };
}
