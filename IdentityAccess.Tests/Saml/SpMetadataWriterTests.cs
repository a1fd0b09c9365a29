using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

public sealed class SpMetadataWriterTests
{
    private const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";

    [Fact]
    public void Write_DescribesOurAcsAndAsksForSignedAssertions()
    {
        var sp = new SamlServiceProviderSettings("https://portal.example.test/saml", new Uri("https://portal.example.test/saml/acs"));
        var document = new XmlDocument();

        document.LoadXml(SpMetadataWriter.Write(sp));

        var root = document.DocumentElement!;
        Assert.Equal(("EntityDescriptor", Metadata), (root.LocalName, root.NamespaceURI));
        Assert.Equal("https://portal.example.test/saml", root.GetAttribute("entityID"));
        var descriptor = Assert.Single(root.ChildNodes.OfType<XmlElement>());
        Assert.Equal(("SPSSODescriptor", Metadata), (descriptor.LocalName, descriptor.NamespaceURI));
        Assert.Equal("true", descriptor.GetAttribute("WantAssertionsSigned"));
        Assert.Equal("false", descriptor.GetAttribute("AuthnRequestsSigned"));
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:protocol", descriptor.GetAttribute("protocolSupportEnumeration"));
        Assert.Equal(
            ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"],
            descriptor.GetElementsByTagName("NameIDFormat", Metadata).Cast<XmlElement>().Select(e => e.InnerText));
        var acs = Assert.Single(descriptor.GetElementsByTagName("AssertionConsumerService", Metadata).Cast<XmlElement>());
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", acs.GetAttribute("Binding"));
        Assert.Equal("https://portal.example.test/saml/acs", acs.GetAttribute("Location"));
        Assert.Equal("true", acs.GetAttribute("isDefault"));
    }

    [Fact]
    public void Write_WithKeys_PublishesEachCertificateForItsUseBeforeTheAcs()
    {
        var sp = new SamlServiceProviderSettings("https://portal.example.test/saml", new Uri("https://portal.example.test/saml/acs"));
        var (current, next) = (SamlTestKeys.PublicOnly(SamlTestKeys.SpEncryption), SamlTestKeys.PublicOnly(SamlTestKeys.SpEncryptionNext));
        var document = new XmlDocument();

        document.LoadXml(SpMetadataWriter.Write(sp, new SpMetadataKeys([current], [current, next], AuthnRequestsSigned: false)));

        var descriptor = (XmlElement)document.DocumentElement!.FirstChild!;
        var keys = descriptor.ChildNodes.OfType<XmlElement>().TakeWhile(e => e.LocalName == "KeyDescriptor").ToList();
        Assert.Equal(["signing", "encryption", "encryption"], keys.Select(k => k.GetAttribute("use")));
        Assert.Equal([current.RawData, current.RawData, next.RawData],
            keys.Select(k => Convert.FromBase64String(k.GetElementsByTagName("X509Certificate", SamlXml.XmlDsigNs)[0]!.InnerText)));
        Assert.Contains("http://www.w3.org/2009/xmlenc11#aes256-gcm",
            keys[1].GetElementsByTagName("EncryptionMethod", Metadata).Cast<XmlElement>().Select(m => m.GetAttribute("Algorithm")));
        Assert.DoesNotContain("http://www.w3.org/2001/04/xmlenc#rsa-1_5", document.OuterXml, StringComparison.Ordinal);
        Assert.Equal("false", descriptor.GetAttribute("AuthnRequestsSigned"));
    }

    [Fact]
    public void Write_EntityIdWithMarkup_IsEscaped()
    {
        var sp = new SamlServiceProviderSettings("urn:a\"b<c", new Uri("https://portal.example.test/saml/acs"));
        var document = new XmlDocument();

        document.LoadXml(SpMetadataWriter.Write(sp));

        Assert.Equal("urn:a\"b<c", document.DocumentElement!.GetAttribute("entityID"));
    }
}
