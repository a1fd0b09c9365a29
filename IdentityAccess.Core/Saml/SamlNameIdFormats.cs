namespace IdentityAccess.Core.Saml;

/// <summary>NameID formats from SAML Core 8.3 that the service provider understands.</summary>
public static class SamlNameIdFormats
{
    /// <summary>An opaque, stable identifier: the only NameID format usable as the JIT key.</summary>
    public const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    /// <summary>Changes at every login, so it can never identify a returning person.</summary>
    public const string Transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    public const string EmailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    public const string Unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
}
