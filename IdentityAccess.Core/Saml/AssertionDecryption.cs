using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Checklist step 4b, before the assertion is looked for: a Response carrying one saml:EncryptedAssertion (SAML Core
/// 2.3.4) gets it replaced by the decrypted saml:Assertion, so that steps 5–18 check it exactly as a plain one. Encryption
/// is not authentication (anyone can encrypt to the SP's public certificate; CVE-2024-4985): the decrypted assertion
/// must still be signed by the IdP, or the Response must be, and a Response signature covers the ciphertext, so it is
/// verified here on the document as received, before anything is decrypted, and then taken off (it cannot verify over
/// the plaintext); <c>responseVerified</c> tells step 8 it was there and valid.
/// </summary>
internal static class AssertionDecryption
{
    /// <summary>
    /// Whether step 4b could use the SP's keys: the Response holds an EncryptedAssertion anywhere, the same test
    /// <see cref="DecryptInPlace"/> makes before it touches a key. Only decides whether the keys are read; every check stays in 4b.
    /// </summary>
    public static bool MayNeedKeys(XmlDocument document) =>
        document.DocumentElement is not { } response || StrictSignedXml.Descendants(response).Any(e => e.Is(SamlNames.Assertion, "EncryptedAssertion"));

    public static SamlRejection? DecryptInPlace(XmlDocument document, XmlElement response, SamlValidationContext context, out bool responseVerified)
    {
        responseVerified = false;
        var all = StrictSignedXml.Descendants(response).ToList();
        var encrypted = all.Where(e => e.Is(SamlNames.Assertion, "EncryptedAssertion")).ToList();
        if (encrypted.Count == 0 || context.DecryptionKeys.Count == 0)
        {
            return null; // nothing to decrypt, or no key to do it with: step 5 says the assertion is encrypted
        }

        // The one-assertion rule (step 5) on the document as received: several, or one encrypted beside a plain one, is wrapping.
        var plain = all.Count(e => e.Is(SamlNames.Assertion, "Assertion"));
        if (encrypted.Count > 1 || plain > 0)
        {
            return new(SamlFailureReason.MultipleAssertions,
                $"the response holds {encrypted.Count} encrypted and {plain} plain assertions; exactly one is accepted");
        }

        var encryptedAssertion = encrypted[0];
        if (encryptedAssertion.ParentNode != response)
        {
            return new(SamlFailureReason.AssertionMisplaced, "the encrypted assertion is not a direct child of the Response");
        }

        var rejection = ResponseShapeChecks.CheckUniqueIds(response) ?? VerifyResponseSignature(document, response, context.IdentityProvider, out responseVerified);
        if (rejection is not null)
        {
            return rejection;
        }

        var (plaintext, decryptRejection) = XmlEncDecryptor.Decrypt(encryptedAssertion, context.DecryptionKeys);
        if (decryptRejection is not null)
        {
            return decryptRejection;
        }

        // A plaintext that does not parse as one saml:Assertion gets the same answer as a wrong key: how it fails to
        // parse would tell an attacker about the plaintext of a CBC ciphertext they altered (Jager and Somorovsky, 2011).
        var (decrypted, outcome) = SafeXml.Load(plaintext!, SamlResponseValidator.MaxResponseLength);
        if (outcome != SafeXml.Outcome.Loaded || !decrypted!.DocumentElement!.Is(SamlNames.Assertion, "Assertion"))
        {
            return new(SamlFailureReason.DecryptionFailed, XmlEncDecryptor.CannotDecrypt);
        }

        // Step 4 again, for what was hidden inside the encryption (CVE-2017-11427 inside an EncryptedAssertion).
        rejection = ResponseShapeChecks.CheckNoCommentsOrProcessingInstructions(decrypted);
        if (rejection is not null)
        {
            return rejection;
        }

        // The plaintext declares every prefix it uses (it parsed alone), so its exc-c14n form, and the signature over it,
        // is the same inside the Response.
        response.ReplaceChild(document.ImportNode(decrypted.DocumentElement!, deep: true), encryptedAssertion);
        return null;
    }

    /// <summary>Steps 7–9 for the Response's own signature, on the ciphertext; then removed.</summary>
    private static SamlRejection? VerifyResponseSignature(XmlDocument document, XmlElement response, SamlIdpConnection idp, out bool verified)
    {
        verified = false;
        var (signature, rejection) = SignaturePolicy.FindSignature(response);
        var signatures = StrictSignedXml.Descendants(response).Count(e => e.Is(SamlNames.XmlDsig, "Signature"));
        if (rejection is not null || signatures != (signature is null ? 0 : 1))
        {
            return rejection ?? new(SamlFailureReason.UnexpectedSignature, $"the response holds {signatures} signatures outside the encrypted assertion");
        }

        if (signature is null)
        {
            return null; // then the decrypted assertion must carry the signature (step 8)
        }

        rejection = ResponseSignatureChecks.CheckOne(document, response, signature, idp);
        if (rejection is null)
        {
            response.RemoveChild(signature);
            verified = true;
        }

        return rejection;
    }
}
