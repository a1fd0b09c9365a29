using System.Text;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Our EntityDescriptor (SAML Metadata 2.4.4), for the admin to give to the IdP.</summary>
public static class SpMetadataWriter
{
    public static string Write(SamlServiceProviderSettings serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var xml = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(xml, settings))
        {
            writer.WriteStartElement("md", "EntityDescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("entityID", serviceProvider.EntityId);

            writer.WriteStartElement("md", "SPSSODescriptor", SamlNames.Metadata);
            // We never sign requests (nothing in them is secret or binding), but every assertion must be signed.
            writer.WriteAttributeString("AuthnRequestsSigned", "false");
            writer.WriteAttributeString("WantAssertionsSigned", "true");
            writer.WriteAttributeString("protocolSupportEnumeration", SamlNames.Protocol);

            foreach (var format in new[] { SamlNameIdFormats.Persistent, SamlNameIdFormats.EmailAddress })
            {
                writer.WriteElementString("md", "NameIDFormat", SamlNames.Metadata, format);
            }

            writer.WriteStartElement("md", "AssertionConsumerService", SamlNames.Metadata);
            writer.WriteAttributeString("Binding", SamlNames.HttpPostBinding);
            writer.WriteAttributeString("Location", serviceProvider.AssertionConsumerServiceUrl.AbsoluteUri);
            writer.WriteAttributeString("index", "0");
            writer.WriteAttributeString("isDefault", "true");
            writer.WriteEndElement();

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return xml.ToString();
    }
}
