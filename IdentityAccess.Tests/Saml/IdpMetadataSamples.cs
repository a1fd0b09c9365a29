using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Tests.Saml;

/// <summary>Metadata shaped like what Entra ID and Okta publish, around certificates generated for the test.</summary>
internal static class IdpMetadataSamples
{
    public const string EntraEntityId = "https://sts.windows.net/9b1c3f4e-2d5a-4e8b-a1c7-6f0d2e3b4a59/";
    public const string EntraSsoUrl = "https://login.microsoftonline.com/9b1c3f4e-2d5a-4e8b-a1c7-6f0d2e3b4a59/saml2";
    public const string OktaEntityId = "http://www.okta.com/exk1a2b3c4d5e6f7g8h9";
    public const string OktaSsoUrl = "https://acme.okta.com/app/acme_identityaccess_1/exk1a2b3c4d5e6f7g8h9/sso/saml";

    /// <summary>
    /// Entra's federation metadata: default namespace, its own (unchecked) signature, WS-Federation role descriptors
    /// before the IDPSSODescriptor, and two signing certificates while a new one rolls out.
    /// </summary>
    public static string Entra(X509Certificate2 current, X509Certificate2 next) => $"""
        <?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_5c0e2f1a-7b3d-4c9e-8a6f-1d2e3b4c5a69" entityID="{EntraEntityId}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#" /></SignedInfo><SignatureValue>AAAA</SignatureValue></Signature><RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>{SamlTestKeys.Base64(current)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor></RoleDescriptor><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>{SamlTestKeys.Base64(current)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>{SamlTestKeys.Base64(next)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{EntraSsoUrl}" /><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{EntraSsoUrl}" /><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{EntraSsoUrl}" /></IDPSSODescriptor></EntityDescriptor>
        """;

    /// <summary>Okta's app metadata: md/ds prefixes, the certificate wrapped in lines, POST listed before Redirect.</summary>
    public static string Okta(X509Certificate2 certificate, string bindings = "POST and Redirect", string keyUse = "signing") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <md:EntityDescriptor entityID="{OktaEntityId}" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">
          <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="{keyUse}">
              <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                <ds:X509Data>
                  <ds:X509Certificate>{Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks)}</ds:X509Certificate>
                </ds:X509Data>
              </ds:KeyInfo>
            </md:KeyDescriptor>
            <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
            <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{OktaSsoUrl}"/>
            {(bindings == "POST and Redirect" ? $"""<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{OktaSsoUrl}"/>""" : "")}
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """;
}
