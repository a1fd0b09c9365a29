using System.Xml;

namespace IdentityAccess.Tests.Saml;

/// <summary>XPath over a response in tests, where finding elements anywhere is the point.</summary>
internal static class SamlXml
{
    public const string ProtocolNs = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string AssertionNs = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string XmlDsigNs = "http://www.w3.org/2000/09/xmldsig#";

    public static XmlElement Select(this XmlNode node, string xpath) =>
        node.SelectSingleNode(xpath, Namespaces(node)) as XmlElement ?? throw new InvalidOperationException($"Nothing at {xpath}");

    public static XmlElement Response(this XmlDocument document) => document.DocumentElement!;

    public static XmlElement Assertion(this XmlDocument document) => document.Select("/samlp:Response/saml:Assertion");

    public static XmlElement NameId(this XmlDocument document) => document.Select("/samlp:Response/saml:Assertion/saml:Subject/saml:NameID");

    public static XmlElement Signature(this XmlElement signed) => signed.Select("ds:Signature");

    public static XmlElement DeepCopy(this XmlElement element) => (XmlElement)element.CloneNode(deep: true);

    public static XmlElement NewElement(this XmlDocument document, string namespaceUri, string qualifiedName) =>
        document.CreateElement(qualifiedName, namespaceUri);

    private static XmlNamespaceManager Namespaces(XmlNode node)
    {
        var manager = new XmlNamespaceManager((node as XmlDocument ?? node.OwnerDocument!).NameTable);
        manager.AddNamespace("samlp", ProtocolNs);
        manager.AddNamespace("saml", AssertionNs);
        manager.AddNamespace("ds", XmlDsigNs);
        return manager;
    }
}
