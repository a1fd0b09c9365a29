using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>SAML Metadata 2.4.1.1 KeyDescriptor elements, with the encryption methods the SP decrypts (xmlenc-core1).</summary>
internal static class SpMetadataKeyDescriptors
{
    /// <summary>Preferred first: GCM is authenticated, CBC is accepted for IdPs that offer nothing else.</summary>
    private static readonly string[] _encryptionMethods =
        [XmlEncNames.Aes256Gcm, XmlEncNames.Aes128Gcm, XmlEncNames.Aes256Cbc, XmlEncNames.Aes128Cbc, XmlEncNames.RsaOaepMgf1p, XmlEncNames.RsaOaep];

    public static void Write(XmlWriter writer, string use, IEnumerable<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            writer.WriteStartElement("md", "KeyDescriptor", SamlNames.Metadata);
            writer.WriteAttributeString("use", use);
            writer.WriteStartElement("ds", "KeyInfo", SamlNames.XmlDsig);
            writer.WriteStartElement("ds", "X509Data", SamlNames.XmlDsig);
            writer.WriteElementString("ds", "X509Certificate", SamlNames.XmlDsig, Convert.ToBase64String(certificate.RawData));
            writer.WriteEndElement();
            writer.WriteEndElement();
            if (use == "encryption")
            {
                foreach (var method in _encryptionMethods)
                {
                    writer.WriteStartElement("md", "EncryptionMethod", SamlNames.Metadata);
                    writer.WriteAttributeString("Algorithm", method);
                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
        }
    }
}
