using System.IO.Compression;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.DemoIdp;

/// <summary>The parts of an SP's AuthnRequest the demo IdP answers: which request, for which SP, posted where.</summary>
public sealed record DemoIdpAuthnRequest(string Id, string Issuer, Uri AssertionConsumerServiceUrl)
{
    private const int MaxEncodedLength = 64 * 1024;
    private const int MaxInflatedBytes = 256 * 1024;

    /// <summary>Reads a SAMLRequest of the HTTP-Redirect binding; the error is a sentence for the page.</summary>
    public static (DemoIdpAuthnRequest? Request, string? Error) Read(string? samlRequest)
    {
        if (string.IsNullOrWhiteSpace(samlRequest))
        {
            return (null, "There is no SAMLRequest. Start signing in from the app's sign-in page.");
        }

        if (samlRequest.Length > MaxEncodedLength || Inflate(samlRequest) is not { } xml)
        {
            return (null, "The SAMLRequest is not deflated, base64-encoded XML (SAML Bindings 3.4.4.1).");
        }

        var (document, outcome) = SafeXml.Load(xml, MaxInflatedBytes);
        if (outcome != SafeXml.Outcome.Loaded || document!.DocumentElement is not { } root || !root.Is(SamlNames.Protocol, "AuthnRequest"))
        {
            return (null, "The SAMLRequest is not a SAML 2.0 AuthnRequest.");
        }

        return Read(root);
    }

    private static (DemoIdpAuthnRequest? Request, string? Error) Read(XmlElement root)
    {
        if (root.AttributeOrNull("Version") != "2.0" || root.AttributeOrNull("ID") is not { Length: > 0 and <= 256 } id)
        {
            return (null, "The AuthnRequest has no ID or is not SAML version 2.0.");
        }

        if (root.AttributeOrNull("ProtocolBinding") is { } binding && binding != SamlNames.HttpPostBinding)
        {
            return (null, "The AuthnRequest asks for a binding other than HTTP-POST, which this demo IdP does not offer.");
        }

        if (!Uri.TryCreate(root.AttributeOrNull("AssertionConsumerServiceURL"), UriKind.Absolute, out var acs)
            || (acs.Scheme != Uri.UriSchemeHttp && acs.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "The AuthnRequest names no http(s) AssertionConsumerServiceURL.");
        }

        return root.FirstChild(SamlNames.Assertion, "Issuer")?.TextContent()?.Trim() is { Length: > 0 } issuer
            ? (new DemoIdpAuthnRequest(id, issuer, acs), null)
            : (null, "The AuthnRequest has no Issuer.");
    }

    private static byte[]? Inflate(string samlRequest)
    {
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(samlRequest)), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = inflate.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaxInflatedBytes)
                {
                    return null; // a deflate bomb
                }
            }

            return output.ToArray();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
