using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Loads untrusted XML (responses, pasted metadata) without DTDs, entities or external resources.</summary>
internal static class SafeXml
{
    /// <summary>
    /// SAML and metadata nest about 8 levels deep (Response, Assertion, Signature, SignedInfo, Reference, Transforms,
    /// Transform, InclusiveNamespaces). Deeper input is refused before recursive code (canonicalization) sees it.
    /// </summary>
    public const int MaxDepth = 32;

    public enum Outcome
    {
        Loaded,
        DtdPresent,
        Malformed,
        TooDeep,
    }

    public static (XmlDocument? Document, Outcome Outcome) Load(byte[] xml, long maxCharacters) =>
        Load(settings => XmlReader.Create(new MemoryStream(xml), settings), maxCharacters);

    /// <summary>For pasted text: a string has no bytes, so its encoding declaration is ignored rather than obeyed.</summary>
    public static (XmlDocument? Document, Outcome Outcome) Load(string xml, long maxCharacters) =>
        Load(settings => XmlReader.Create(new StringReader(xml), settings), maxCharacters);

    private static (XmlDocument? Document, Outcome Outcome) Load(Func<XmlReaderSettings, XmlReader> open, long maxCharacters)
    {
        try
        {
            // PreserveWhitespace: signatures cover the exact whitespace; without it pretty-printed responses fail to verify.
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using var reader = open(Settings(DtdProcessing.Prohibit, maxCharacters));
            document.Load(reader);
            return DepthOf(document) > MaxDepth ? (null, Outcome.TooDeep) : (document, Outcome.Loaded);
        }
        catch (XmlException)
        {
            return (null, HasDocumentType(open, maxCharacters) ? Outcome.DtdPresent : Outcome.Malformed);
        }
    }

    /// <summary>Iterative, so that measuring a hostile depth cannot itself exhaust the stack.</summary>
    private static int DepthOf(XmlDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(XmlNode Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is XmlElement)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        return deepest;
    }

    // Prohibit reports a DOCTYPE only through a generic XmlException. To name the reason, read the prolog again with
    // Ignore (which skips the DTD without expanding anything): if that pass reaches the root element while the
    // prohibiting pass does not, the prolog is well formed and the only thing refused in it was the DOCTYPE.
    private static bool HasDocumentType(Func<XmlReaderSettings, XmlReader> open, long maxCharacters) =>
        !ReachesRootElement(open, DtdProcessing.Prohibit, maxCharacters) && ReachesRootElement(open, DtdProcessing.Ignore, maxCharacters);

    private static bool ReachesRootElement(Func<XmlReaderSettings, XmlReader> open, DtdProcessing dtdProcessing, long maxCharacters)
    {
        try
        {
            using var reader = open(Settings(dtdProcessing, maxCharacters));
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return true;
                }
            }

            return false;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static XmlReaderSettings Settings(DtdProcessing dtdProcessing, long maxCharacters) => new()
    {
        DtdProcessing = dtdProcessing,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        // Without a DTD no entity can be declared; the cap is for the case where that ever changes (0 means unlimited).
        MaxCharactersFromEntities = 1024,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };
}
