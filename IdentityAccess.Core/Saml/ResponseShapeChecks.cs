using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Checklist steps 3–6: cheap structural rejects before any cryptography.</summary>
internal static class ResponseShapeChecks
{
    /// <summary>Step 3: SAML Core 3.2.2, a samlp:Response of version 2.0 with an ID.</summary>
    public static SamlRejection? CheckRoot(XmlElement root)
    {
        if (!root.Is(SamlNames.Protocol, "Response"))
        {
            return new(SamlFailureReason.NotASamlResponse, $"the root element is {LogSafe.Quote(root.NamespaceURI + ":" + root.LocalName)}");
        }

        if (root.AttributeOrNull("Version") != "2.0" || string.IsNullOrEmpty(root.AttributeOrNull("ID")))
        {
            return new(SamlFailureReason.NotASamlResponse, $"Version {LogSafe.Quote(root.AttributeOrNull("Version"))} or ID missing; SAML 2.0 is required");
        }

        return null;
    }

    /// <summary>
    /// Step 4: exc-c14n drops comments, so a comment inside a signed value changes what a naive reader sees without
    /// breaking the signature (CVE-2017-11427). IdPs never send comments or PIs, so any at all is an attack.
    /// </summary>
    public static SamlRejection? CheckNoCommentsOrProcessingInstructions(XmlDocument document)
    {
        var pending = new Stack<XmlNode>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.NodeType is XmlNodeType.Comment or XmlNodeType.ProcessingInstruction)
            {
                return new(SamlFailureReason.CommentsNotAllowed, $"the response contains a {node.NodeType}");
            }

            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                pending.Push(child);
            }
        }

        return null;
    }

    /// <summary>
    /// Step 5: exactly one saml:Assertion in the whole document, as a direct child of the Response. Several would let
    /// one be verified and another be read (all eight XSW variants, CVE-2022-41912).
    /// </summary>
    public static (XmlElement? Assertion, SamlRejection? Rejection) FindOnlyAssertion(XmlElement root)
    {
        var all = StrictSignedXml.Descendants(root).ToList();
        if (all.Exists(e => e.Is(SamlNames.Assertion, "EncryptedAssertion")))
        {
            return (null, new(SamlFailureReason.EncryptedAssertionNotSupported,
                "the assertion is encrypted, but this service provider has no encryption key for the connection: give the IdP the SP metadata with its encryption certificate, or turn off assertion encryption at the IdP"));
        }

        var assertions = all.Where(e => e.Is(SamlNames.Assertion, "Assertion")).ToList();
        switch (assertions.Count)
        {
            case 0:
                // An error response carries no assertion; its status, though unsigned, says more than "no assertion".
                var status = ResponseProtocolChecks.CheckStatus(root);
                return (null, status ?? new(SamlFailureReason.MissingAssertion, "the response has no assertion"));
            case > 1:
                return (null, new(SamlFailureReason.MultipleAssertions, $"the response holds {assertions.Count} assertions; exactly one is accepted"));
        }

        var assertion = assertions[0];
        if (assertion.ParentNode != root)
        {
            return (null, new(SamlFailureReason.AssertionMisplaced, "the assertion is not a direct child of the Response"));
        }

        if (assertion.AttributeOrNull("Version") != "2.0" || string.IsNullOrEmpty(assertion.AttributeOrNull("ID")))
        {
            return (null, new(SamlFailureReason.MalformedAssertion, "the assertion is not version 2.0 or has no ID"));
        }

        return (assertion, null);
    }

    /// <summary>Step 6: one element per ID value across ID, Id and id, so no reference can resolve ambiguously.</summary>
    public static SamlRejection? CheckUniqueIds(XmlElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in StrictSignedXml.Descendants(root))
        {
            foreach (var name in StrictSignedXml.IdAttributeNames)
            {
                if (element.AttributeOrNull(name) is { } id && !seen.Add(id))
                {
                    return new(SamlFailureReason.DuplicateId, $"the ID {LogSafe.Quote(id)} appears more than once");
                }
            }
        }

        return null;
    }
}
