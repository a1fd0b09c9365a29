namespace IdentityAccess.Core.Saml;

/// <summary>Where the immutable subject (the JIT key, with the IdP entityID) comes from.</summary>
public enum SamlSubjectSource
{
    /// <summary>The NameID, which must then have the persistent format: email and transient NameIDs change.</summary>
    PersistentNameId,

    /// <summary>A single-valued attribute, such as Entra's objectidentifier.</summary>
    Attribute,
}
