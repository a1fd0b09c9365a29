using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.DemoIdp;

/// <summary>The demo IdP's metadata (SAML Metadata 2.4.3): entityID, the HTTP-Redirect SSO endpoint and the signing certificate.</summary>
public static class DemoIdpMetadata
{
    public static string Write(Uri singleSignOnUrl, X509Certificate2 signingCertificate)
    {
        ArgumentNullException.ThrowIfNull(singleSignOnUrl);
        ArgumentNullException.ThrowIfNull(signingCertificate);
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("md", "EntityDescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("entityID", DemoIdentityProvider.EntityId);
            writer.WriteStartElement("md", "IDPSSODescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("WantAuthnRequestsSigned", "false");
            writer.WriteAttributeString("protocolSupportEnumeration", SamlNames.Protocol);

            writer.WriteStartElement("md", "KeyDescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("use", "signing");
            writer.WriteStartElement("ds", "KeyInfo", SamlNames.XmlDsig);
            writer.WriteStartElement("ds", "X509Data", SamlNames.XmlDsig);
            writer.WriteElementString("ds", "X509Certificate", SamlNames.XmlDsig, Convert.ToBase64String(signingCertificate.RawData));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();

            writer.WriteElementString("md", "NameIDFormat", SamlNames.Metadata, SamlNameIdFormats.Persistent);
            writer.WriteStartElement("md", "SingleSignOnService", SamlNames.Metadata);
            writer.WriteAttributeString("Binding", SamlNames.HttpRedirectBinding);
            writer.WriteAttributeString("Location", singleSignOnUrl.AbsoluteUri);
            writer.WriteEndElement();

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return xml.ToString();
    }
}
