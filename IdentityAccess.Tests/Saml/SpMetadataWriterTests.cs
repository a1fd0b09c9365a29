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
    public void Write_EntityIdWithMarkup_IsEscaped()
    {
        var sp = new SamlServiceProviderSettings("urn:a\"b<c", new Uri("https://portal.example.test/saml/acs"));
        var document = new XmlDocument();

        document.LoadXml(SpMetadataWriter.Write(sp));

        Assert.Equal("urn:a\"b<c", document.DocumentElement!.GetAttribute("entityID"));
    }
}
