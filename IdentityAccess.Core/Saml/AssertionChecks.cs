using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Checklist steps 14–16, read from the verified assertion element only.</summary>
internal sealed class AssertionChecks(XmlElement assertion, SamlValidationContext context)
{
    private readonly DateTimeOffset _now = context.TimeProvider.GetUtcNow();

    /// <summary>Set by step 15: the end of the assertion's validity window.</summary>
    public DateTimeOffset NotOnOrAfter { get; private set; }

    /// <summary>Set by steps 14–15: after this instant (plus skew) neither expiry would let the assertion pass again.</summary>
    public DateTimeOffset LastUsableInstant { get; private set; }

    /// <summary>
    /// Step 14 (Profiles 4.1.4.2/4.1.4.3, CVE-2020-5268): one bearer SubjectConfirmation whose data names our ACS as
    /// Recipient, has a future NotOnOrAfter and no NotBefore, and answers the same request as the Response.
    /// </summary>
    public SamlRejection? CheckSubjectConfirmation()
    {
        if (assertion.SingleChild(SamlNames.Assertion, "Subject") is not { } subject)
        {
            return new(SamlFailureReason.MalformedAssertion, "the assertion has no single Subject");
        }

        // Each confirmation fails for its own reason; when none passes, report the first one's reason with all details.
        var rejections = new List<SamlRejection>();
        foreach (var confirmation in subject.Children(SamlNames.Assertion, "SubjectConfirmation"))
        {
            if (confirmation.AttributeOrNull("Method") != SamlNames.BearerConfirmation)
            {
                rejections.Add(Invalid($"method {LogSafe.Quote(confirmation.AttributeOrNull("Method"))} is not bearer"));
                continue;
            }

            var (notOnOrAfter, rejection) = CheckBearerData(confirmation.SingleChild(SamlNames.Assertion, "SubjectConfirmationData"));
            if (rejection is null)
            {
                LastUsableInstant = notOnOrAfter;
                return null;
            }

            rejections.Add(rejection);
        }

        return rejections.Count == 0
            ? Invalid("the Subject has no SubjectConfirmation")
            : new(rejections[0].Reason, "SubjectConfirmation: " + string.Join("; ", rejections.Select(r => r.Detail)));
    }

    private (DateTimeOffset NotOnOrAfter, SamlRejection? Rejection) CheckBearerData(XmlElement? data)
    {
        if (data is null)
        {
            return (default, Invalid("bearer confirmation without a single SubjectConfirmationData"));
        }

        var recipient = data.AttributeOrNull("Recipient");
        if (!SamlUrls.AreSame(recipient, context.ServiceProvider.AssertionConsumerServiceUrl))
        {
            return (default, Invalid($"Recipient {LogSafe.Quote(recipient)} is not our ACS URL"));
        }

        if (data.AttributeOrNull("NotBefore") is not null)
        {
            return (default, Invalid("a bearer SubjectConfirmationData must not have NotBefore"));
        }

        if (SamlTime.Parse(data.AttributeOrNull("NotOnOrAfter")) is not { } notOnOrAfter)
        {
            return (default, new(SamlFailureReason.MalformedAssertion, "NotOnOrAfter is missing or not a UTC timestamp"));
        }

        if (notOnOrAfter <= _now - context.ClockSkew)
        {
            return (default, new(SamlFailureReason.Expired, $"the bearer confirmation expired at {SamlTime.Format(notOnOrAfter)}"));
        }

        var inResponseTo = data.AttributeOrNull("InResponseTo");
        return inResponseTo == context.ExpectedRequestId
            ? (notOnOrAfter, null)
            : (default, new(SamlFailureReason.InResponseToMismatch, $"InResponseTo {LogSafe.Quote(inResponseTo)} is not the request this browser sent"));
    }

    private static SamlRejection Invalid(string detail) => new(SamlFailureReason.SubjectConfirmationInvalid, detail);

    /// <summary>Step 15 (Core 2.5.1): the validity window, with clock skew, and our entityID in every AudienceRestriction.</summary>
    public SamlRejection? CheckConditions()
    {
        if (assertion.SingleChild(SamlNames.Assertion, "Conditions") is not { } conditions)
        {
            return new(SamlFailureReason.MalformedAssertion, "the assertion has no single Conditions");
        }

        var notBeforeText = conditions.AttributeOrNull("NotBefore");
        var notBefore = SamlTime.Parse(notBeforeText);
        if (notBeforeText is not null && notBefore is null)
        {
            return new(SamlFailureReason.MalformedAssertion, "Conditions NotBefore is not a UTC timestamp");
        }

        // A lifetime is required: without NotOnOrAfter an assertion would be usable forever once the cache forgets it.
        if (SamlTime.Parse(conditions.AttributeOrNull("NotOnOrAfter")) is not { } notOnOrAfter)
        {
            return new(SamlFailureReason.MalformedAssertion, "Conditions NotOnOrAfter is missing or not a UTC timestamp");
        }

        if (notBefore > _now + context.ClockSkew)
        {
            return new(SamlFailureReason.NotYetValid, $"valid only from {SamlTime.Format(notBefore.Value)}");
        }

        if (notOnOrAfter <= _now - context.ClockSkew)
        {
            return new(SamlFailureReason.Expired, $"expired at {SamlTime.Format(notOnOrAfter)}");
        }

        var restrictions = conditions.Children(SamlNames.Assertion, "AudienceRestriction").ToList();
        var ourEntityId = context.ServiceProvider.EntityId;
        if (restrictions.Count == 0 || !restrictions.TrueForAll(r => r.Children(SamlNames.Assertion, "Audience").Any(a => a.TextContent() == ourEntityId)))
        {
            return new(SamlFailureReason.AudienceMismatch, $"the assertion is not restricted to our entityID {LogSafe.Quote(ourEntityId)}");
        }

        NotOnOrAfter = notOnOrAfter;
        LastUsableInstant = notOnOrAfter > LastUsableInstant ? notOnOrAfter : LastUsableInstant;
        return null;
    }

    /// <summary>Step 16: Profiles 4.1.4.2, a Web SSO assertion states how the user authenticated.</summary>
    public SamlRejection? CheckAuthnStatement() =>
        assertion.FirstChild(SamlNames.Assertion, "AuthnStatement") is null
            ? new(SamlFailureReason.MalformedAssertion, "the assertion has no AuthnStatement")
            : null;
}
