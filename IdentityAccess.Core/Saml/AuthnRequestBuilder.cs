using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>Builds an AuthnRequest for the HTTP-Redirect binding (SAML Bindings 3.4), signed when given the SP's signing key.</summary>
public sealed class AuthnRequestBuilder(TimeProvider timeProvider)
{
    /// <summary>SAML Bindings 3.4.3: RelayState must not exceed 80 bytes.</summary>
    public const int MaxRelayStateBytes = 80;

    /// <summary>Bindings 3.4.4.1: the only SigAlg used, RSA-SHA256.</summary>
    public const string SignatureAlgorithm = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    /// <param name="signingKey">The SP's current signing key when the connection signs its requests; null for unsigned.</param>
    public SamlAuthnRedirect Build(SamlServiceProviderSettings serviceProvider, SamlIdpConnection identityProvider, string? relayState, RSA? signingKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        ArgumentNullException.ThrowIfNull(identityProvider);
        if (relayState is not null && Encoding.UTF8.GetByteCount(relayState) > MaxRelayStateBytes)
        {
            throw new ArgumentException($"RelayState must be at most {MaxRelayStateBytes} bytes; pass a key to server-side state.", nameof(relayState));
        }

        var requestId = SamlIds.New();
        var issueInstant = timeProvider.GetUtcNow();
        var xml = RequestXml(serviceProvider, identityProvider, requestId, issueInstant);

        // Bindings 3.4.4.1: the SAMLRequest parameter is raw DEFLATE, then base64, then URL-encoded.
        var query = "SAMLRequest=" + Uri.EscapeDataString(Convert.ToBase64String(Deflate(xml)));
        if (relayState is not null)
        {
            query += "&RelayState=" + Uri.EscapeDataString(relayState);
        }

        if (signingKey is not null)
        {
            // Bindings 3.4.4.1: the signature covers "SAMLRequest=…&RelayState=…&SigAlg=…" exactly as URL-encoded here.
            query += "&SigAlg=" + Uri.EscapeDataString(SignatureAlgorithm);
            var signature = signingKey.SignData(Encoding.UTF8.GetBytes(query), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            query += "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(signature));
        }

        var destination = identityProvider.SingleSignOnUrl.AbsoluteUri;
        var separator = identityProvider.SingleSignOnUrl.Query.Length > 0 ? "&" : "?";
        return new SamlAuthnRedirect(requestId, new Uri(destination + separator + query), issueInstant);
    }

    private static string RequestXml(SamlServiceProviderSettings serviceProvider, SamlIdpConnection identityProvider, string requestId, DateTimeOffset issueInstant)
    {
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("samlp", "AuthnRequest", SamlNames.Protocol);
            writer.WriteAttributeString("xmlns", "saml", null, SamlNames.Assertion);
            writer.WriteAttributeString("ID", requestId);
            writer.WriteAttributeString("Version", "2.0");
            writer.WriteAttributeString("IssueInstant", SamlTime.Format(issueInstant));
            writer.WriteAttributeString("Destination", identityProvider.SingleSignOnUrl.AbsoluteUri);
            writer.WriteAttributeString("AssertionConsumerServiceURL", serviceProvider.AssertionConsumerServiceUrl.AbsoluteUri);
            writer.WriteAttributeString("ProtocolBinding", SamlNames.HttpPostBinding);
            writer.WriteElementString("saml", "Issuer", SamlNames.Assertion, serviceProvider.EntityId);
            writer.WriteEndElement();
        }

        return xml.ToString();
    }

    private static byte[] Deflate(string xml)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal))
        {
            deflate.Write(Encoding.UTF8.GetBytes(xml));
        }

        return output.ToArray();
    }
}
