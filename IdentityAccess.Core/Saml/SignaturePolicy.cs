using System.Security.Cryptography.Xml;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Checklist step 7: the only signature shape accepted is the one SAML uses, an enveloped signature whose single
/// reference points at exactly the element holding it, with algorithms from an allow-list. SignedXml alone accepts
/// far more (SHA-1, c14n with comments, references to any element), and CheckSignature only proves that *some*
/// referenced element is intact, not the one about to be read.
/// </summary>
internal static class SignaturePolicy
{
    private const string RsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    private const string RsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";

    private static readonly HashSet<string> _signatureMethods =
        [SignedXml.XmlDsigRSASHA256Url, RsaSha384, RsaSha512];

    private static readonly HashSet<string> _digestMethods =
        [SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA384Url, SignedXml.XmlDsigSHA512Url];

    private static readonly HashSet<string> _transforms =
        [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl];

    /// <summary>The direct ds:Signature child of <paramref name="parent"/>; more than one is a structure error.</summary>
    public static (XmlElement? Signature, SamlRejection? Rejection) FindSignature(XmlElement parent)
    {
        var signatures = parent.Children(SamlNames.XmlDsig, "Signature").ToList();
        return signatures.Count > 1
            ? (null, new(SamlFailureReason.InvalidSignatureStructure, $"the {parent.LocalName} has {signatures.Count} signatures"))
            : (signatures.FirstOrDefault(), null);
    }

    public static (SignedXml? SignedXml, SamlRejection? Rejection) Load(XmlDocument document, XmlElement signature)
    {
        try
        {
            var signedXml = new StrictSignedXml(document);
            signedXml.LoadXml(signature);
            return (signedXml, null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            // LoadXml throws CryptographicException for a bad structure, FormatException for bad base64 values.
            return (null, new(SamlFailureReason.InvalidSignatureStructure, "the signature element is malformed"));
        }
    }

    public static SamlRejection? Check(XmlDocument document, SignedXml signedXml, XmlElement parent)
    {
        var what = parent.LocalName;
        var signedInfo = signedXml.SignedInfo!;
        if (signedInfo.CanonicalizationMethod != SignedXml.XmlDsigExcC14NTransformUrl)
        {
            return Disallowed($"{what} canonicalization {LogSafe.Quote(signedInfo.CanonicalizationMethod)}");
        }

        if (signedInfo.SignatureMethod is not { } signatureMethod || !_signatureMethods.Contains(signatureMethod))
        {
            return Disallowed($"{what} signature method {LogSafe.Quote(signedInfo.SignatureMethod)}");
        }

        if (signedInfo.References.Count != 1 || signedInfo.References[0] is not Reference reference)
        {
            return Structure($"the {what} signature has {signedInfo.References.Count} references; exactly one is required");
        }

        // The reference must name the parent by its ID, and strict resolution of that ID must give the parent itself.
        var parentId = parent.AttributeOrNull("ID");
        if (string.IsNullOrEmpty(parentId) || reference.Uri != "#" + parentId
            || !ReferenceEquals(StrictSignedXml.FindUniqueIdElement(document, parentId), parent))
        {
            return Structure($"the {what} signature references {LogSafe.Quote(reference.Uri)}, not the {what} that contains it");
        }

        if (reference.DigestMethod is not { } digestMethod || !_digestMethods.Contains(digestMethod))
        {
            return Disallowed($"{what} digest method {LogSafe.Quote(reference.DigestMethod)}");
        }

        var chain = reference.TransformChain;
        var transforms = Enumerable.Range(0, chain.Count).Select(i => chain[i].Algorithm ?? "").ToList();
        if (transforms.Find(t => !_transforms.Contains(t)) is { } transform)
        {
            return Disallowed($"{what} transform {LogSafe.Quote(transform)}");
        }

        if (transforms.Count(t => t == SignedXml.XmlDsigEnvelopedSignatureTransformUrl) != 1 || transforms.Distinct().Count() != transforms.Count)
        {
            return Structure($"the {what} signature must be enveloped, with each transform once");
        }

        // ds:Object has no use in SAML; it is where wrapping attacks hide a signed copy (XSW8).
        return signedXml.Signature.ObjectList.Count > 0
            ? Structure($"the {what} signature carries a ds:Object")
            : null;
    }

    private static SamlRejection Disallowed(string detail) => new(SamlFailureReason.DisallowedAlgorithm, "disallowed " + detail);

    private static SamlRejection Structure(string detail) => new(SamlFailureReason.InvalidSignatureStructure, detail);
}
