using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Navigation by direct children with exact namespaces. Never a document-wide search: a search finds whatever an
/// attacker planted elsewhere (signature wrapping), a child walk only finds what sits where the schema puts it.
/// </summary>
internal static class XmlNavigation
{
    public static IEnumerable<XmlElement> Children(this XmlElement parent, string namespaceUri, string localName)
    {
        for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is XmlElement element && element.LocalName == localName && element.NamespaceURI == namespaceUri)
            {
                yield return element;
            }
        }
    }

    public static XmlElement? FirstChild(this XmlElement parent, string namespaceUri, string localName) =>
        parent.Children(namespaceUri, localName).FirstOrDefault();

    /// <summary>The child when there is exactly one, else null (none, or an ambiguous several).</summary>
    public static XmlElement? SingleChild(this XmlElement parent, string namespaceUri, string localName)
    {
        using var children = parent.Children(namespaceUri, localName).GetEnumerator();
        if (!children.MoveNext())
        {
            return null;
        }

        var first = children.Current;
        return children.MoveNext() ? null : first;
    }

    /// <summary>The attribute's value, or null when it is absent (GetAttribute cannot tell absent from empty).</summary>
    public static string? AttributeOrNull(this XmlElement element, string name) => element.GetAttributeNode(name)?.Value;

    public static bool Is(this XmlNode node, string namespaceUri, string localName) =>
        node is XmlElement element && element.LocalName == localName && element.NamespaceURI == namespaceUri;

    /// <summary>
    /// The element's text when it holds only text: all text nodes joined, so a split value (CDATA, entity boundaries)
    /// reads as the whole signed value, never as its first piece (CVE-2017-11427). Null when it has child elements.
    /// </summary>
    public static string? TextContent(this XmlElement element)
    {
        var text = new System.Text.StringBuilder();
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(node.Value);
                    break;
                case XmlNodeType.Comment or XmlNodeType.ProcessingInstruction:
                    // Already rejected document-wide; skipping keeps the reading equal to what exc-c14n signed.
                    break;
                default:
                    return null;
            }
        }

        return text.ToString();
    }
}
