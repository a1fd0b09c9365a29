namespace IdentityAccess.Core.Saml;

/// <summary>What the values of an IdP's groups attribute are.</summary>
public enum SamlGroupsFormat
{
    /// <summary>Immutable group ids (Entra object ids): used as the mapping keys as they are.</summary>
    Ids,

    /// <summary>
    /// Group names (Okta's group attribute statements, Google, ADFS): a rename in the IdP changes them, so they are
    /// resolved to a stable key first, through the parent's SCIM directory or the names recorded at sign-in.
    /// </summary>
    Names,
}
