using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Checklist steps 7–9: signature structure, verification against the pinned keys only, no stray signatures.</summary>
internal static class ResponseSignatureChecks
{
    /// <summary>Whether the Response itself carried a (valid) signature, or the rejection.</summary>
    /// <param name="responseVerified">
    /// The Response's signature was verified over the encrypted assertion and removed before decryption (step 4b).
    /// </param>
    public static (bool ResponseSigned, SamlRejection? Rejection) Check(
        XmlDocument document, XmlElement response, XmlElement assertion, SamlIdpConnection identityProvider, bool responseVerified = false)
    {
        // Step 7: structure and algorithms of each signature present, before any cryptography.
        var signed = new List<(XmlElement Parent, XmlElement Signature, SignedXml Checked)>();
        foreach (var parent in new[] { response, assertion })
        {
            var (signature, rejection) = SignaturePolicy.FindSignature(parent);
            SignedXml? checkedXml = null;
            if (rejection is null && signature is not null)
            {
                (checkedXml, rejection) = CheckStructure(document, signature, parent);
            }

            if (rejection is not null)
            {
                return (false, rejection);
            }

            if (signature is not null)
            {
                signed.Add((parent, signature, checkedXml!));
            }
        }

        // Step 8: at least one signature, the assertion's own unless the connection accepts a Response-only one.
        var assertionSigned = signed.Exists(s => s.Parent == assertion);
        if ((signed.Count == 0 && !responseVerified) || (identityProvider.RequireSignedAssertion && !assertionSigned))
        {
            return (false, new(SamlFailureReason.MissingSignature, signed.Count == 0 && !responseVerified
                ? "neither the Response nor the Assertion is signed"
                : "the Assertion is not signed (only the Response is), and this IdP connection requires signed assertions"));
        }

        var keys = identityProvider.SigningCertificates.Select(RsaKeyPolicy.AcceptableKey).OfType<RSA>().ToList();
        try
        {
            if (keys.Count == 0)
            {
                return (false, new(SamlFailureReason.NoUsableSigningKey, "the IdP connection has no RSA signing certificate of at least 2048 bits"));
            }

            foreach (var (parent, signature, checkedXml) in signed)
            {
                if (!VerifiesWithAny(document, signature, checkedXml, keys))
                {
                    return (false, new(SamlFailureReason.InvalidSignature, $"the {parent.LocalName} signature does not verify with any configured IdP certificate"));
                }
            }
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }

        // Step 9: any other ds:Signature was not verified above, and may be how a wrapped copy got in (XSW1, 6, 8).
        var allSignatures = StrictSignedXml.Descendants(response).Count(e => e.Is(SamlNames.XmlDsig, "Signature"));
        if (allSignatures != signed.Count)
        {
            return (false, new(SamlFailureReason.UnexpectedSignature, $"the response holds {allSignatures} signatures, of which {signed.Count} are where SAML puts them"));
        }

        return (responseVerified || signed.Exists(s => s.Parent == response), null);
    }

    /// <summary>Steps 7–8 for one signature: its structure, then verification with the pinned keys.</summary>
    public static SamlRejection? CheckOne(XmlDocument document, XmlElement parent, XmlElement signature, SamlIdpConnection identityProvider)
    {
        var (checkedXml, rejection) = CheckStructure(document, signature, parent);
        if (rejection is not null)
        {
            return rejection;
        }

        var keys = identityProvider.SigningCertificates.Select(RsaKeyPolicy.AcceptableKey).OfType<RSA>().ToList();
        try
        {
            return keys.Count == 0
                ? new(SamlFailureReason.NoUsableSigningKey, "the IdP connection has no RSA signing certificate of at least 2048 bits")
                : VerifiesWithAny(document, signature, checkedXml!, keys) ? null
                : new(SamlFailureReason.InvalidSignature, $"the {parent.LocalName} signature does not verify with any configured IdP certificate");
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    /// <summary>Step 7 for one signature; the SignedXml its checks read, when they pass, is the one step 8 verifies first.</summary>
    private static (SignedXml? Checked, SamlRejection? Rejection) CheckStructure(XmlDocument document, XmlElement signature, XmlElement parent)
    {
        var (signedXml, rejection) = SignaturePolicy.Load(document, signature);
        rejection ??= SignaturePolicy.Check(document, signedXml!, parent);
        return rejection is null ? (signedXml, null) : (null, rejection);
    }

    /// <summary>
    /// Only the pinned keys are tried; KeyInfo in the response is never used (CheckSignature() without a key would
    /// trust any key an attacker puts there). The first key verifies the very SignedXml whose structure step 7 checked
    /// (loaded from this signature element, no verification attempted on it yet); every further key gets a fresh one,
    /// so no attempt keeps state from another. Loading a signature parses its KeyInfo's certificate too (unused here),
    /// and a second load of the same element was a fifth of the validation's time (docs/performance.md, 2026-12-07 (5)).
    /// </summary>
    private static bool VerifiesWithAny(XmlDocument document, XmlElement signature, SignedXml checkedXml, List<RSA> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            try
            {
                var signedXml = i == 0 ? checkedXml : Loaded(document, signature);
                if (signedXml.CheckSignature(keys[i]))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                // A malformed signature verifies with no key.
            }
        }

        return false;
    }

    private static SignedXml Loaded(XmlDocument document, XmlElement signature)
    {
        SignedXml signedXml = new StrictSignedXml(document);
        signedXml.LoadXml(signature);
        return signedXml;
    }
}
