using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.DemoIdp.Saml;

/// <summary>The unsigned Response and Assertion elements, in schema order (SAML Core 2.3.3, 3.2.2).</summary>
internal static class SamlResponseXml
{
    public static (XmlElement Response, XmlElement Assertion) Build(XmlDocument document, SamlResponseContent content)
    {
        var issueInstant = SamlTime.Format(content.IssueInstant);
        var notOnOrAfter = SamlTime.Format(content.IssueInstant + content.Lifetime);

        var response = Protocol(document, "Response");
        response.SetAttribute("xmlns:saml", SamlNames.Assertion);
        SetIds(response, issueInstant);
        response.SetAttribute("Destination", content.Destination.AbsoluteUri);
        if (content.InResponseTo is not null)
        {
            response.SetAttribute("InResponseTo", content.InResponseTo);
        }

        document.AppendChild(response);
        Add(response, Saml(document, "Issuer", content.Issuer));
        var status = Add(response, Protocol(document, "Status"));
        Add(status, Protocol(document, "StatusCode")).SetAttribute("Value", content.StatusCode);

        var assertion = Add(response, Saml(document, "Assertion"));
        assertion.SetAttribute("xmlns:xs", SamlNames.XmlSchema);
        assertion.SetAttribute("xmlns:xsi", SamlNames.XmlSchemaInstance);
        SetIds(assertion, issueInstant);
        Add(assertion, Saml(document, "Issuer", content.Issuer));

        var subject = Add(assertion, Saml(document, "Subject"));
        Add(subject, Saml(document, "NameID", content.NameId)).SetAttribute("Format", content.NameIdFormat);
        var confirmation = Add(subject, Saml(document, "SubjectConfirmation"));
        confirmation.SetAttribute("Method", SamlNames.BearerConfirmation);
        var confirmationData = Add(confirmation, Saml(document, "SubjectConfirmationData"));
        if (content.InResponseTo is not null)
        {
            confirmationData.SetAttribute("InResponseTo", content.InResponseTo);
        }

        confirmationData.SetAttribute("NotOnOrAfter", notOnOrAfter);
        confirmationData.SetAttribute("Recipient", (content.Recipient ?? content.Destination).AbsoluteUri);

        var conditions = Add(assertion, Saml(document, "Conditions"));
        conditions.SetAttribute("NotBefore", issueInstant);
        conditions.SetAttribute("NotOnOrAfter", notOnOrAfter);
        Add(Add(conditions, Saml(document, "AudienceRestriction")), Saml(document, "Audience", content.Audience));

        var authnStatement = Add(assertion, Saml(document, "AuthnStatement"));
        authnStatement.SetAttribute("AuthnInstant", issueInstant);
        authnStatement.SetAttribute("SessionIndex", SamlIds.New());
        Add(Add(authnStatement, Saml(document, "AuthnContext")), Saml(document, "AuthnContextClassRef", SamlNames.PasswordProtectedTransport));

        if (content.Attributes.Count > 0)
        {
            AddAttributes(document, Add(assertion, Saml(document, "AttributeStatement")), content.Attributes);
        }

        return (response, assertion);
    }

    private static void AddAttributes(XmlDocument document, XmlElement statement, IReadOnlyDictionary<string, IReadOnlyList<string>> attributes)
    {
        foreach (var (name, values) in attributes)
        {
            var attribute = Add(statement, Saml(document, "Attribute"));
            attribute.SetAttribute("Name", name);
            foreach (var value in values)
            {
                var element = Add(attribute, Saml(document, "AttributeValue", value));
                element.SetAttribute("type", SamlNames.XmlSchemaInstance, "xs:string");
            }
        }
    }

    private static void SetIds(XmlElement element, string issueInstant)
    {
        element.SetAttribute("ID", SamlIds.New());
        element.SetAttribute("Version", "2.0");
        element.SetAttribute("IssueInstant", issueInstant);
    }

    private static XmlElement Protocol(XmlDocument document, string name) => document.CreateElement("samlp", name, SamlNames.Protocol);

    private static XmlElement Saml(XmlDocument document, string name, string? text = null)
    {
        var element = document.CreateElement("saml", name, SamlNames.Assertion);
        if (text is not null)
        {
            element.InnerText = text;
        }

        return element;
    }

    private static XmlElement Add(XmlElement parent, XmlElement child)
    {
        parent.AppendChild(child);
        return child;
    }
}
