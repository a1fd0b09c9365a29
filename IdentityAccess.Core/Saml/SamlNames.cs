namespace IdentityAccess.Core.Saml;

/// <summary>The URIs SAML 2.0 and XML-DSig fix; spelled once so a typo cannot weaken a check.</summary>
internal static class SamlNames
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    public const string HttpPostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string HttpRedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    public const string StatusSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public const string BearerConfirmation = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public const string EntityIssuerFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    public const string PasswordProtectedTransport = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
}
