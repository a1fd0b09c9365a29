using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// HTTP-Redirect binding signatures (SAML Bindings 3.4.4.1) verified as an IdP does: with the certificate the SP
/// metadata publishes, over the query string exactly as sent.
/// </summary>
public sealed class SignedAuthnRequestTests
{
    private readonly SamlScenario _scenario = new();

    [Fact]
    public void Build_WithSigningKey_VerifiesWithTheCertificateInTheMetadata()
    {
        using var key = SamlTestKeys.SpEncryptionNext.GetRSAPrivateKey()!;
        var redirect = new AuthnRequestBuilder(_scenario.Time).Build(_scenario.ServiceProvider, _scenario.IdentityProvider, "state-key", key);
        var metadata = new XmlDocument();
        metadata.LoadXml(SpMetadataWriter.Write(_scenario.ServiceProvider,
            new SpMetadataKeys([SamlTestKeys.PublicOnly(SamlTestKeys.SpEncryptionNext)], [], AuthnRequestsSigned: true)));

        var (signedOctets, sigAlg, signature) = SignedParts(redirect.RedirectUrl);
        using var published = PublishedSigningCertificate(metadata).GetRSAPublicKey()!;

        Assert.Equal(AuthnRequestBuilder.SignatureAlgorithm, sigAlg);
        Assert.True(published.VerifyData(signedOctets, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("true", metadata.DocumentElement!.FirstChild!.Attributes!["AuthnRequestsSigned"]!.Value);
    }

    [Fact]
    public void Build_SignedRequestWithAChangedRelayState_NoLongerVerifies()
    {
        using var key = SamlTestKeys.SpEncryptionNext.GetRSAPrivateKey()!;
        var redirect = new AuthnRequestBuilder(_scenario.Time).Build(_scenario.ServiceProvider, _scenario.IdentityProvider, "state-key", key);
        var tampered = new Uri(redirect.RedirectUrl.AbsoluteUri.Replace("RelayState=state-key", "RelayState=other-key", StringComparison.Ordinal));

        var (signedOctets, _, signature) = SignedParts(tampered);
        using var published = SamlTestKeys.SpEncryptionNext.GetRSAPublicKey()!;

        Assert.False(published.VerifyData(signedOctets, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Build_WithoutSigningKey_HasNoSignature()
    {
        var redirect = new AuthnRequestBuilder(_scenario.Time).Build(_scenario.ServiceProvider, _scenario.IdentityProvider, "state-key");

        Assert.DoesNotContain("Signature=", redirect.RedirectUrl.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("SigAlg=", redirect.RedirectUrl.Query, StringComparison.Ordinal);
    }

    /// <summary>Bindings 3.4.4.1: the octets are the raw (still URL-encoded) SAMLRequest, RelayState and SigAlg parameters.</summary>
    private static (byte[] SignedOctets, string SigAlg, byte[] Signature) SignedParts(Uri url)
    {
        var parameters = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var octets = $"SAMLRequest={parameters["SAMLRequest"]}&RelayState={parameters["RelayState"]}&SigAlg={parameters["SigAlg"]}";
        return (Encoding.UTF8.GetBytes(octets), Uri.UnescapeDataString(parameters["SigAlg"]), Convert.FromBase64String(Uri.UnescapeDataString(parameters["Signature"])));
    }

    private static X509Certificate2 PublishedSigningCertificate(XmlDocument metadata)
    {
        var descriptor = metadata.GetElementsByTagName("KeyDescriptor", "urn:oasis:names:tc:SAML:2.0:metadata").Cast<XmlElement>()
            .Single(d => d.GetAttribute("use") == "signing");
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(descriptor.GetElementsByTagName("X509Certificate", SamlXml.XmlDsigNs)[0]!.InnerText));
    }
}
