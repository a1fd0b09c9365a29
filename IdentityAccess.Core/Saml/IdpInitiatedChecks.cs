using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Step 13b, only for an unsolicited Response the connection allows (IdP-initiated sign-in). Nothing binds such a
/// Response to this browser, so a stolen one could be posted again by anyone while it is valid: it must be fresh,
/// and the replay cache (step 17) refuses its assertion ID a second time.
/// </summary>
internal static class IdpInitiatedChecks
{
    /// <summary>
    /// The Response's and the Assertion's IssueInstant and every AuthnInstant must be at most
    /// <see cref="SamlValidationContext.UnsolicitedMaxAge"/> old (plus the skew) and not in the future (beyond the skew).
    /// Returns the instant after which the oldest of them is too old: the replay entry must live at least until then.
    /// </summary>
    public static (DateTimeOffset FreshUntil, SamlRejection? Rejection) CheckFreshness(XmlElement response, XmlElement assertion, SamlValidationContext context)
    {
        var instants = new List<(string What, string? Value)>
        {
            ("the Response IssueInstant", response.AttributeOrNull("IssueInstant")),
            ("the Assertion IssueInstant", assertion.AttributeOrNull("IssueInstant")),
        };
        instants.AddRange(assertion.Children(SamlNames.Assertion, "AuthnStatement").Select(s => ("AuthnInstant", s.AttributeOrNull("AuthnInstant"))));

        var now = context.TimeProvider.GetUtcNow();
        var oldest = DateTimeOffset.MaxValue;
        foreach (var (what, value) in instants)
        {
            if (SamlTime.Parse(value) is not { } instant)
            {
                return (default, new(SamlFailureReason.MalformedAssertion, $"{what} is missing or not a UTC timestamp"));
            }

            if (instant > now + context.ClockSkew)
            {
                return (default, new(SamlFailureReason.NotYetValid, $"{what} {SamlTime.Format(instant)} is in the future"));
            }

            if (instant + context.UnsolicitedMaxAge < now - context.ClockSkew)
            {
                return (default, new(SamlFailureReason.UnsolicitedTooOld,
                    $"{what} {SamlTime.Format(instant)} is older than the {context.UnsolicitedMaxAge.TotalMinutes:0.#} minutes an IdP-initiated response may be"));
            }

            oldest = instant < oldest ? instant : oldest;
        }

        return (oldest + context.UnsolicitedMaxAge, null);
    }
}
