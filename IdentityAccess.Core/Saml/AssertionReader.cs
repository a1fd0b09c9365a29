using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Checklist step 18: reads the result from the verified assertion element, by direct children only. Nothing is
/// read through a document-wide search, which could find a copy an attacker placed elsewhere.
/// </summary>
internal static class AssertionReader
{
    public static (SamlAssertion? Assertion, SamlRejection? Rejection) Read(XmlElement assertion, DateTimeOffset notOnOrAfter)
    {
        var subject = assertion.SingleChild(SamlNames.Assertion, "Subject");
        var nameId = subject?.SingleChild(SamlNames.Assertion, "NameID");
        if (nameId?.TextContent() is not { } value || string.IsNullOrWhiteSpace(value))
        {
            return (null, new(SamlFailureReason.MissingNameId, "the Subject has no single NameID with plain, non-empty text (an EncryptedID is not supported)"));
        }

        var authnStatement = assertion.FirstChild(SamlNames.Assertion, "AuthnStatement");
        return (new SamlAssertion(
            assertion.GetAttribute("ID"),
            assertion.SingleChild(SamlNames.Assertion, "Issuer")!.TextContent()!,
            value,
            nameId.AttributeOrNull("Format"),
            authnStatement?.AttributeOrNull("SessionIndex"),
            notOnOrAfter,
            ReadAttributes(assertion)), null);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAttributes(XmlElement assertion)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var attributes = assertion.Children(SamlNames.Assertion, "AttributeStatement")
            .SelectMany(statement => statement.Children(SamlNames.Assertion, "Attribute"));
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeOrNull("Name") is not { Length: > 0 } name)
            {
                continue;
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            // Values with element content (complex types) or xsi:nil carry no text this app could use.
            list.AddRange(attribute.Children(SamlNames.Assertion, "AttributeValue")
                .Where(v => v.GetAttribute("nil", SamlNames.XmlSchemaInstance) is not ("true" or "1"))
                .Select(v => v.TextContent())
                .OfType<string>());
        }

        return values.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.AsReadOnly(), StringComparer.Ordinal);
    }
}
