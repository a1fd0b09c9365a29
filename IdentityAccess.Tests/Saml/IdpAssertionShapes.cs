using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// What each IdP's assertion looks like with its preset's setup, written for these tests (made-up people, ids and
/// groups, not copied from any vendor): the NameID it sends, the attributes, and what the portal should read from it.
/// </summary>
internal static class IdpAssertionShapes
{
    private const string XmlSoap = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
    private const string MicrosoftClaims = "http://schemas.microsoft.com/identity/claims/";

    /// <summary>One IdP's assertion and the identity it must map to.</summary>
    public sealed record Shape(SamlAttributePreset Preset, string NameId, string NameIdFormat, Dictionary<string, IReadOnlyList<string>> Attributes,
        string Subject, string Email, string? GivenName, string? FamilyName, string? DisplayName, IReadOnlyList<string> Groups, SamlGroupsFormat GroupsFormat);

    public static Shape For(SamlAttributePreset preset) => preset switch
    {
        // Entra's defaults: the UPN as an email-format NameID, claim URIs, groups as object ids (the group claim set to Group ID).
        SamlAttributePreset.EntraId => new(preset, "adele.vance@contoso.example", SamlNameIdFormats.EmailAddress, new()
        {
            [MicrosoftClaims + "tenantid"] = ["9c2e7f10-44b1-4d6a-8e3f-2b9d0c1a5e77"],
            [MicrosoftClaims + "objectidentifier"] = ["5d8f2c41-9a7e-4b3c-8d1f-0e6a2b9c7d35"],
            [MicrosoftClaims + "identityprovider"] = ["https://sts.windows.net/9c2e7f10-44b1-4d6a-8e3f-2b9d0c1a5e77/"],
            [MicrosoftClaims + "displayname"] = ["Adele Vance"],
            [XmlSoap + "givenname"] = ["Adele"],
            [XmlSoap + "surname"] = ["Vance"],
            [XmlSoap + "emailaddress"] = ["adele.vance@contoso.example"],
            [XmlSoap + "name"] = ["adele.vance@contoso.example"],
            ["http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"] = ["0b7c3e2a-1f4d-4a8b-9c6e-5d2f1a0b3c4d", "7e1a9c5b-3d2f-4e6a-8b0c-1f9d2e3a4b5c"],
        },
            "5d8f2c41-9a7e-4b3c-8d1f-0e6a2b9c7d35", "adele.vance@contoso.example", "Adele", "Vance", "Adele Vance",
            ["0b7c3e2a-1f4d-4a8b-9c6e-5d2f1a0b3c4d", "7e1a9c5b-3d2f-4e6a-8b0c-1f9d2e3a4b5c"], SamlGroupsFormat.Ids),

        // Okta with the persistent NameID (its user id), attribute statements and a group attribute statement (names).
        SamlAttributePreset.Okta => new(preset, "00u4kq7x2bT9mW3pZ5d7", SamlNameIdFormats.Persistent, new()
        {
            ["email"] = ["ben.ortiz@contoso.example"],
            ["firstName"] = ["Ben"],
            ["lastName"] = ["Ortiz"],
            ["displayName"] = ["Ben Ortiz"],
            ["groups"] = ["Engineering", "Everyone"],
        },
            "00u4kq7x2bT9mW3pZ5d7", "ben.ortiz@contoso.example", "Ben", "Ortiz", "Ben Ortiz", ["Engineering", "Everyone"], SamlGroupsFormat.Names),

        // Google: the primary email as a persistent NameID, mapped attributes without a display name, group names.
        SamlAttributePreset.GoogleWorkspace => new(preset, "chloe.ng@contoso.example", SamlNameIdFormats.Persistent, new()
        {
            ["email"] = ["chloe.ng@contoso.example"],
            ["firstName"] = ["Chloe"],
            ["lastName"] = ["Ng"],
            ["groups"] = ["Product Design"],
        },
            "chloe.ng@contoso.example", "chloe.ng@contoso.example", "Chloe", "Ng", "Chloe Ng", ["Product Design"], SamlGroupsFormat.Names),

        // OneLogin: the default email NameID (not the key), the UUID in an "id" parameter, a multi-value groups parameter.
        SamlAttributePreset.OneLogin => new(preset, "dev.patel@contoso.example", SamlNameIdFormats.EmailAddress, new()
        {
            ["id"] = ["118273645"],
            ["email"] = ["dev.patel@contoso.example"],
            ["firstName"] = ["Dev"],
            ["lastName"] = ["Patel"],
            ["groups"] = ["Support", "Sales"],
        },
            "118273645", "dev.patel@contoso.example", "Dev", "Patel", "Dev Patel", ["Support", "Sales"], SamlGroupsFormat.Names),

        // JumpCloud: a persistent NameID, attributes named after its fields, and the memberOf group attribute (names).
        SamlAttributePreset.JumpCloud => new(preset, "64b1f0c2e8a9d3f7a1c5e2b4", SamlNameIdFormats.Persistent, new()
        {
            ["email"] = ["eva.kowalski@contoso.example"],
            ["firstname"] = ["Eva"],
            ["lastname"] = ["Kowalski"],
            ["memberOf"] = ["Finance", "All Staff"],
        },
            "64b1f0c2e8a9d3f7a1c5e2b4", "eva.kowalski@contoso.example", "Eva", "Kowalski", "Eva Kowalski", ["Finance", "All Staff"], SamlGroupsFormat.Names),

        // PingOne: saml_subject mapped to the User ID (persistent), memberOf mapped to the group names.
        SamlAttributePreset.PingOne => new(preset, "a3c9e1f7-52b4-4d8e-9f06-7b2c1d4e8a90", SamlNameIdFormats.Persistent, new()
        {
            ["email"] = ["femi.adeyemi@contoso.example"],
            ["firstName"] = ["Femi"],
            ["lastName"] = ["Adeyemi"],
            ["memberOf"] = ["Operations"],
        },
            "a3c9e1f7-52b4-4d8e-9f06-7b2c1d4e8a90", "femi.adeyemi@contoso.example", "Femi", "Adeyemi", "Femi Adeyemi", ["Operations"], SamlGroupsFormat.Names),

        // AD FS: a persistent NameID from objectGUID, claim URIs, the Group claim with the groups' names (Token-Groups).
        SamlAttributePreset.Adfs => new(preset, "Xq3J9k2LmN8pR4sT6vW0yA==", SamlNameIdFormats.Persistent, new()
        {
            [XmlSoap + "emailaddress"] = ["gus.moreau@contoso.example"],
            [XmlSoap + "givenname"] = ["Gus"],
            [XmlSoap + "surname"] = ["Moreau"],
            [XmlSoap + "name"] = ["Gus Moreau"],
            [XmlSoap + "upn"] = ["gmoreau@corp.contoso.example"],
            ["http://schemas.xmlsoap.org/claims/Group"] = ["Domain Users", "Legal"],
        },
            "Xq3J9k2LmN8pR4sT6vW0yA==", "gus.moreau@contoso.example", "Gus", "Moreau", "Gus Moreau", ["Domain Users", "Legal"], SamlGroupsFormat.Names),

        // Any other IdP, set up with the Custom preset's plain names and group ids.
        SamlAttributePreset.Custom => new(preset, "u-20391", SamlNameIdFormats.Persistent, new()
        {
            ["email"] = ["hana.sato@contoso.example"],
            ["firstName"] = ["Hana"],
            ["lastName"] = ["Sato"],
            ["displayName"] = ["Hana Sato (Legal)"],
            ["groups"] = ["grp-1001"],
        },
            "u-20391", "hana.sato@contoso.example", "Hana", "Sato", "Hana Sato (Legal)", ["grp-1001"], SamlGroupsFormat.Ids),
    };
}
