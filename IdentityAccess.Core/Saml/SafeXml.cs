using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Loads untrusted XML (responses, pasted metadata) without DTDs, entities or external resources.</summary>
internal static class SafeXml
{
    public enum Outcome
    {
        Loaded,
        DtdPresent,
        Malformed,
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
            return (document, Outcome.Loaded);
        }
        catch (XmlException)
        {
            return (null, HasDocumentType(open, maxCharacters) ? Outcome.DtdPresent : Outcome.Malformed);
        }
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
        MaxCharactersFromEntities = 0,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };
}
