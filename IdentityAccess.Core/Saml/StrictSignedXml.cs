using System.Security.Cryptography.Xml;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// SignedXml whose same-document references resolve only to the one element carrying that value in an attribute
/// spelled <c>ID</c>. The default resolver looks at <c>Id</c>, <c>id</c> and <c>ID</c> one after another, so a
/// planted <c>Id="x"</c> can shadow the real <c>ID="x"</c> (signature wrapping).
/// </summary>
internal sealed class StrictSignedXml(XmlDocument document) : SignedXml(document)
{
    public override XmlElement? GetIdElement(XmlDocument? document, string idValue) =>
        document is null ? null : FindUniqueIdElement(document, idValue);

    public static XmlElement? FindUniqueIdElement(XmlDocument document, string idValue)
    {
        if (!IsNcName(idValue))
        {
            return null;
        }

        XmlElement? match = null;
        var count = 0;
        foreach (var element in Descendants(document))
        {
            foreach (var name in IdAttributeNames)
            {
                if (element.GetAttributeNode(name) is { } attribute && attribute.Value == idValue)
                {
                    count++;
                    match = name == "ID" ? element : null;
                }
            }
        }

        return count == 1 ? match : null;
    }

    public static readonly string[] IdAttributeNames = ["ID", "Id", "id"];

    public static IEnumerable<XmlElement> Descendants(XmlNode root)
    {
        // An explicit stack rather than recursion: hostile input may nest deeply.
        var pending = new Stack<XmlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is XmlElement element)
            {
                yield return element;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }
    }

    private static bool IsNcName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
