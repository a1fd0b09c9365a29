using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Checklist steps 10–13: the Response-level protocol fields (SAML Core 3.2.2, Profiles 4.1.4.3).</summary>
internal static class ResponseProtocolChecks
{
    /// <summary>Step 10: only a top-level Success status carries a usable assertion.</summary>
    public static SamlRejection? CheckStatus(XmlElement response)
    {
        var status = response.SingleChild(SamlNames.Protocol, "Status");
        var code = status?.SingleChild(SamlNames.Protocol, "StatusCode");
        if (code?.AttributeOrNull("Value") == SamlNames.StatusSuccess)
        {
            return null;
        }

        var secondLevel = code?.SingleChild(SamlNames.Protocol, "StatusCode")?.AttributeOrNull("Value");
        var message = status?.SingleChild(SamlNames.Protocol, "StatusMessage")?.TextContent();
        return new(SamlFailureReason.StatusNotSuccess,
            $"the IdP answered {LogSafe.Quote(code?.AttributeOrNull("Value"))} / {LogSafe.Quote(secondLevel)}: {LogSafe.Quote(message)}");
    }

    /// <summary>
    /// Step 11: both Issuers must name the configured IdP (CVE-2023-41890), in the entity format or without a
    /// Format. The Response's Issuer is optional (Core 3.2.2); the Assertion's is required (Core 2.3.3).
    /// </summary>
    public static SamlRejection? CheckIssuers(XmlElement response, XmlElement assertion, string expectedEntityId)
    {
        var responseIssuers = response.Children(SamlNames.Assertion, "Issuer").ToList();
        if (responseIssuers.Count > 1)
        {
            return new(SamlFailureReason.IssuerMismatch, "the Response has several Issuers");
        }

        if (responseIssuers.Count == 1 && IssuerRejection(responseIssuers[0], expectedEntityId, "Response") is { } rejection)
        {
            return rejection;
        }

        var assertionIssuer = assertion.SingleChild(SamlNames.Assertion, "Issuer");
        return assertionIssuer is null
            ? new(SamlFailureReason.IssuerMismatch, "the Assertion has no single Issuer")
            : IssuerRejection(assertionIssuer, expectedEntityId, "Assertion");
    }

    private static SamlRejection? IssuerRejection(XmlElement issuer, string expectedEntityId, string what)
    {
        var format = issuer.AttributeOrNull("Format");
        if (format is not null && format != SamlNames.EntityIssuerFormat)
        {
            return new(SamlFailureReason.IssuerMismatch, $"the {what} Issuer has format {LogSafe.Quote(format)}, not entity");
        }

        var value = issuer.TextContent();
        return value == expectedEntityId
            ? null
            : new(SamlFailureReason.IssuerMismatch, $"the {what} Issuer is {LogSafe.Quote(value)}, expected {LogSafe.Quote(expectedEntityId)}");
    }

    /// <summary>Step 12: Core 3.2.2, Destination is our ACS; it is required when the Response is signed (Bindings 3.5.5.2).</summary>
    public static SamlRejection? CheckDestination(XmlElement response, bool responseSigned, Uri acsUrl)
    {
        var destination = response.AttributeOrNull("Destination");
        if (destination is null ? responseSigned : !SamlUrls.AreSame(destination, acsUrl))
        {
            return new(SamlFailureReason.DestinationMismatch, $"Destination is {LogSafe.Quote(destination)}, expected {LogSafe.Quote(acsUrl.AbsoluteUri)}");
        }

        return null;
    }

    /// <summary>
    /// Step 13: the Response answers the request this browser sent. Without an outstanding request it must be
    /// unsolicited (no InResponseTo) and allowed for this IdP: an InResponseTo then belongs to another browser's login.
    /// </summary>
    public static SamlRejection? CheckInResponseTo(XmlElement response, string? expectedRequestId, bool allowIdpInitiated)
    {
        var inResponseTo = response.AttributeOrNull("InResponseTo");
        if (expectedRequestId is not null)
        {
            return inResponseTo == expectedRequestId
                ? null
                : new(SamlFailureReason.InResponseToMismatch, $"InResponseTo is {LogSafe.Quote(inResponseTo)}, not the request this browser sent");
        }

        if (!allowIdpInitiated)
        {
            return new(SamlFailureReason.UnsolicitedResponse, "this browser has no outstanding request, and IdP-initiated login is disabled for this IdP");
        }

        return inResponseTo is null
            ? null
            : new(SamlFailureReason.InResponseToMismatch, $"InResponseTo {LogSafe.Quote(inResponseTo)} answers a request this browser did not send");
    }
}
