using System.Text;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Our EntityDescriptor (SAML Metadata 2.4.4), for the admin to give to the IdP.</summary>
public static class SpMetadataWriter
{
    public static string Write(SamlServiceProviderSettings serviceProvider) => Write(serviceProvider, SpMetadataKeys.None);

    /// <param name="keys">The SP's certificates to publish (the current and the next of each use) and whether requests are signed.</param>
    public static string Write(SamlServiceProviderSettings serviceProvider, SpMetadataKeys keys)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(keys);
        var xml = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(xml, settings))
        {
            writer.WriteStartElement("md", "EntityDescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("entityID", serviceProvider.EntityId);

            writer.WriteStartElement("md", "SPSSODescriptor", SamlNames.Metadata);
            // Requests are signed when the connection asks for it; every assertion must be signed whatever the encryption.
            writer.WriteAttributeString("AuthnRequestsSigned", keys.AuthnRequestsSigned ? "true" : "false");
            writer.WriteAttributeString("WantAssertionsSigned", "true");
            writer.WriteAttributeString("protocolSupportEnumeration", SamlNames.Protocol);

            // Metadata 2.4.1.1: KeyDescriptors come first; the next key of each use is listed beside the current one so
            // IdPs trust (or encrypt to) it before it becomes current.
            SpMetadataKeyDescriptors.Write(writer, "signing", keys.SigningCertificates);
            SpMetadataKeyDescriptors.Write(writer, "encryption", keys.EncryptionCertificates);

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
