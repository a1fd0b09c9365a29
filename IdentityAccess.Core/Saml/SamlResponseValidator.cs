using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Validates the SAMLResponse posted to the ACS (Web Browser SSO, HTTP-POST binding), following the checklist in
/// SAML-SP.md §2 in order: cheap rejects first, and nothing is read from an element before its signature is checked.
/// Hostile input never throws: every problem comes back as a <see cref="SamlRejection"/>.
/// </summary>
public static class SamlResponseValidator
{
    /// <summary>Step 1: about 256 KB of base64; real responses are a few KB, even with 150 groups.</summary>
    public const int MaxResponseLength = 256 * 1024;

    /// <param name="samlResponse">The SAMLResponse form field, still base64-encoded.</param>
    public static async Task<SamlValidationResult> ValidateAsync(
        string? samlResponse, SamlValidationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = new Progress();
        // Steps 1–2: size, base64, safe parse.
        var (document, rejection) = Guarded(progress, () => Decode(samlResponse, progress));
        if (rejection is not null)
        {
            return SamlValidationResult.Failure(rejection);
        }

        IReadOnlyList<System.Security.Cryptography.RSA> keysRead = [];
        try
        {
            if (context.DecryptionKeySource is { } source && AssertionDecryption.MayNeedKeys(document!))
            {
                // Outside the guard, as the replay cache below: a key store that cannot be read is an outage, not hostile input.
                keysRead = await source(cancellationToken);
                context = context with { DecryptionKeys = keysRead };
            }

            return await ValidateDecodedAsync(document!, context, progress, cancellationToken);
        }
        finally
        {
            foreach (var key in keysRead)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>Steps 3–18 on the parsed Response.</summary>
    private static async Task<SamlValidationResult> ValidateDecodedAsync(XmlDocument document, SamlValidationContext context, Progress progress,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = Guarded(progress, () => CheckUpToReplay(document, context, progress));
        if (rejection is not null)
        {
            return SamlValidationResult.Failure(rejection);
        }

        // Step 17 (Profiles 4.1.4.5, CVE-2020-5261): remembered while a later check could still accept it, that is
        // until its later expiry plus the skew. Outside the guard: a store failure is an outage, not hostile input.
        var assertionId = verified!.Element.GetAttribute("ID");
        if (!await context.ReplayCache.TryRememberAsync(assertionId, verified.LastUsableInstant + context.ClockSkew, cancellationToken))
        {
            return SamlValidationResult.Failure(new(SamlFailureReason.Replayed, $"the assertion {LogSafe.Quote(assertionId)} was already used") { Check = SamlCheck.Replay });
        }

        progress.Current = SamlCheck.NameId;
        var (assertion, readRejection) = Guarded(progress, () => AssertionReader.Read(verified.Element, verified.NotOnOrAfter)); // 18
        return readRejection is null ? SamlValidationResult.Success(assertion!) : SamlValidationResult.Failure(readRejection);
    }

    /// <summary>The check running now: a rejection, or an exception the checks did not anticipate, is reported against it.</summary>
    private sealed class Progress
    {
        public SamlCheck Current { get; set; }

        /// <summary>Enters <paramref name="check"/> and runs it.</summary>
        public SamlRejection? Run(SamlCheck check, Func<SamlRejection?> run)
        {
            Current = check;
            return run();
        }
    }

    /// <summary>An assertion that passed steps 1–16, with its Conditions NotOnOrAfter and its replay horizon.</summary>
    private sealed record VerifiedAssertion(XmlElement Element, DateTimeOffset NotOnOrAfter, DateTimeOffset LastUsableInstant);

    private static (VerifiedAssertion? Verified, SamlRejection? Rejection) CheckUpToReplay(XmlDocument document, SamlValidationContext context, Progress progress)
    {
        var (xml, response) = (document, document.DocumentElement!);
        XmlElement? assertion = null;
        var (responseSigned, responseVerified) = (false, false);
        var idp = context.IdentityProvider;
        var rejection = progress.Run(SamlCheck.Root, () => ResponseShapeChecks.CheckRoot(response)) // 3
            ?? progress.Run(SamlCheck.NoCommentsOrProcessingInstructions, () => ResponseShapeChecks.CheckNoCommentsOrProcessingInstructions(xml)) // 4
            ?? progress.Run(SamlCheck.Decryption, () => AssertionDecryption.DecryptInPlace(xml, response, context, out responseVerified)) // 4b
            ?? progress.Run(SamlCheck.SingleAssertion, () => FindAssertion(response, out assertion)) // 5
            ?? progress.Run(SamlCheck.UniqueIds, () => ResponseShapeChecks.CheckUniqueIds(response)) // 6
            ?? progress.Run(SamlCheck.Signatures, () => CheckSignatures(xml, response, assertion!, idp, responseVerified, out responseSigned)) // 7–9
            ?? progress.Run(SamlCheck.Status, () => ResponseProtocolChecks.CheckStatus(response)) // 10
            ?? progress.Run(SamlCheck.Issuer, () => ResponseProtocolChecks.CheckIssuers(response, assertion!, idp.EntityId)) // 11
            ?? progress.Run(SamlCheck.Destination, () => ResponseProtocolChecks.CheckDestination(response, responseSigned, context.ServiceProvider.AssertionConsumerServiceUrl)) // 12
            ?? progress.Run(SamlCheck.InResponseTo, () => ResponseProtocolChecks.CheckInResponseTo(response, context.ExpectedRequestId, idp.AllowIdpInitiated)); // 13
        if (rejection is not null)
        {
            return (null, rejection);
        }

        // 13b: an unsolicited Response (allowed, or step 13 refused it) must be fresh; its replay entry outlives that window.
        var freshUntil = DateTimeOffset.MinValue;
        if (context.ExpectedRequestId is null)
        {
            progress.Current = SamlCheck.Freshness;
            (freshUntil, rejection) = IdpInitiatedChecks.CheckFreshness(response, assertion!, context);
            if (rejection is not null)
            {
                return (null, rejection);
            }
        }

        var checks = new AssertionChecks(assertion!, context);
        rejection = progress.Run(SamlCheck.SubjectConfirmation, checks.CheckSubjectConfirmation) // 14
            ?? progress.Run(SamlCheck.Conditions, checks.CheckConditions) // 15
            ?? progress.Run(SamlCheck.AuthnStatement, checks.CheckAuthnStatement); // 16
        var lastUsable = checks.LastUsableInstant > freshUntil ? checks.LastUsableInstant : freshUntil;
        return rejection is null ? (new VerifiedAssertion(assertion!, checks.NotOnOrAfter, lastUsable), null) : (null, rejection);
    }

    private static (XmlDocument? Document, SamlRejection? Rejection) Decode(string? samlResponse, Progress progress)
    {
        progress.Current = SamlCheck.Binding;
        if (string.IsNullOrWhiteSpace(samlResponse))
        {
            return (null, new(SamlFailureReason.MissingResponse, "no SAMLResponse value"));
        }

        if (samlResponse.Length > MaxResponseLength)
        {
            return (null, new(SamlFailureReason.ResponseTooLarge, $"{samlResponse.Length} characters; at most {MaxResponseLength} are accepted"));
        }

        // Bindings 3.5.4: base64 (line breaks allowed, which the decoder skips), no DEFLATE for the POST binding.
        var bytes = new byte[samlResponse.Length];
        if (!Convert.TryFromBase64String(samlResponse, bytes, out var length))
        {
            return (null, new(SamlFailureReason.NotBase64, "the SAMLResponse value is not base64"));
        }

        progress.Current = SamlCheck.SafeParse;
        var (document, outcome) = SafeXml.Load(bytes[..length], MaxResponseLength);
        return outcome switch
        {
            SafeXml.Outcome.Loaded => (document, null),
            SafeXml.Outcome.DtdPresent => (null, new(SamlFailureReason.DtdNotAllowed, "the response has a DOCTYPE")),
            SafeXml.Outcome.Malformed => (null, new(SamlFailureReason.MalformedXml, "the response is not well-formed XML")),
            SafeXml.Outcome.TooDeep => (null, new(SamlFailureReason.MalformedXml, $"the response nests elements deeper than {SafeXml.MaxDepth} levels")),
        };
    }

    private static SamlRejection? FindAssertion(XmlElement response, out XmlElement? assertion)
    {
        (assertion, var rejection) = ResponseShapeChecks.FindOnlyAssertion(response);
        return rejection;
    }

    private static SamlRejection? CheckSignatures(
        XmlDocument document, XmlElement response, XmlElement assertion, SamlIdpConnection idp, bool responseVerified, out bool responseSigned)
    {
        (responseSigned, var rejection) = ResponseSignatureChecks.Check(document, response, assertion, idp, responseVerified);
        return rejection;
    }

    /// <summary>
    /// The checks above return rejections for everything they anticipate. This turns anything they did not (an
    /// exception from the XML or crypto stack on some malformed input) into a rejection too, so the ACS never
    /// answers 500 and never accepts by accident.
    /// </summary>
    private static (T? Value, SamlRejection? Rejection) Guarded<T>(Progress progress, Func<(T?, SamlRejection?)> check)
        where T : class
    {
        try
        {
            var (value, rejection) = check();
            return (value, rejection is null ? null : rejection with { Check = progress.Current });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new(SamlFailureReason.MalformedXml, $"the response could not be processed ({e.GetType().Name})") { Check = progress.Current });
        }
    }
}
