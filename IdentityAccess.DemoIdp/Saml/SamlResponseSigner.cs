using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.DemoIdp.Saml;

/// <summary>
/// Issues a Response the way IdPs do: one Assertion with an enveloped RSA-SHA256 signature over exc-c14n, and
/// optionally a signed Response. For the Development demo IdP and for tests; production logins come from real IdPs.
/// </summary>
public sealed class SamlResponseSigner
{
    private readonly X509Certificate2 _certificate;

    public SamlResponseSigner(X509Certificate2 signingCertificate)
    {
        ArgumentNullException.ThrowIfNull(signingCertificate);
        using var key = signingCertificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate needs an RSA private key.", nameof(signingCertificate));
        if (key.KeySize < RsaKeyPolicy.MinimumBits)
        {
            throw new ArgumentException($"The key must have at least {RsaKeyPolicy.MinimumBits} bits.", nameof(signingCertificate));
        }

        _certificate = signingCertificate;
    }

    // Tests only: weaker or missing signatures, to prove the validator refuses them.
    internal string SignatureMethod { get; init; } = SignedXml.XmlDsigRSASHA256Url;

    internal string DigestMethod { get; init; } = SignedXml.XmlDsigSHA256Url;

    internal bool SignAssertion { get; init; } = true;

    /// <summary>Changes the document before it is signed: a validly signed response with unusual content.</summary>
    internal Action<XmlDocument>? EditBeforeSigning { get; init; }

    /// <summary>The signed Response as XML text.</summary>
    public string CreateXml(SamlResponseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var (response, assertion) = SamlResponseXml.Build(document, content);
        EditBeforeSigning?.Invoke(document);
        if (SignAssertion)
        {
            Sign(document, assertion);
        }

        // The Response signature covers the Assertion's, so it is computed last.
        if (content.SignResponse)
        {
            Sign(document, response);
        }

        return document.OuterXml;
    }

    /// <summary>The signed Response encoded for the HTTP-POST binding's SAMLResponse field.</summary>
    public string CreateBase64(SamlResponseContent content) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CreateXml(content)));

    private void Sign(XmlDocument document, XmlElement element)
    {
        using var key = _certificate.GetRSAPrivateKey()!;
        var signedXml = new StrictSignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = SignatureMethod;

        var reference = new Reference("#" + element.GetAttribute("ID")) { DigestMethod = DigestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);

        signedXml.KeyInfo = new KeyInfo();
        signedXml.KeyInfo.AddClause(new KeyInfoX509Data(_certificate));
        signedXml.ComputeSignature();

        // SAML Core 5.4.1 and the schema: the signature follows the Issuer.
        var issuer = element.FirstChild(SamlNames.Assertion, "Issuer")!;
        element.InsertAfter(document.ImportNode(signedXml.GetXml(), deep: true), issuer);
    }
}
