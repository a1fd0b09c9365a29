using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Reads the metadata an admin pastes or uploads (SAML Metadata 2.4.3). The metadata's own signature is not checked:
/// trust comes from the admin who supplies it, so it must arrive over a channel the admin trusts.
/// </summary>
public static class IdpMetadataReader
{
    private const int MaxCharacters = 1_000_000;

    public static (IdpMetadata? Metadata, Error? Error) Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var (document, outcome) = SafeXml.Load(xml, MaxCharacters);
        return outcome switch
        {
            SafeXml.Outcome.Loaded => Read(document!.DocumentElement!),
            SafeXml.Outcome.DtdPresent => (null, new MetadataHasDocumentType()),
            SafeXml.Outcome.Malformed => (null, new MetadataUnreadable("it is not well-formed XML, or larger than 1 MB")),
            SafeXml.Outcome.TooDeep => (null, new MetadataUnreadable($"it nests elements deeper than {SafeXml.MaxDepth} levels")),
        };
    }

    private static (IdpMetadata? Metadata, Error? Error) Read(XmlElement root)
    {
        if (root.Is(SamlNames.Metadata, "EntitiesDescriptor"))
        {
            return (null, new MetadataNotAnIdentityProvider("it lists several entities; use the EntityDescriptor of your IdP"));
        }

        if (!root.Is(SamlNames.Metadata, "EntityDescriptor") || root.AttributeOrNull("entityID") is not { Length: > 0 } entityId)
        {
            return (null, new MetadataNotAnIdentityProvider("the root is not an md:EntityDescriptor with an entityID"));
        }

        var descriptors = root.Children(SamlNames.Metadata, "IDPSSODescriptor")
            .Where(d => (d.AttributeOrNull("protocolSupportEnumeration") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Contains(SamlNames.Protocol))
            .ToList();
        if (descriptors.Count != 1)
        {
            return (null, new MetadataNotAnIdentityProvider($"expected one IDPSSODescriptor for SAML 2.0, found {descriptors.Count}"));
        }

        var idp = descriptors[0];
        var singleSignOnUrl = idp.Children(SamlNames.Metadata, "SingleSignOnService")
            .Where(s => s.AttributeOrNull("Binding") == SamlNames.HttpRedirectBinding)
            .Select(s => Uri.TryCreate(s.AttributeOrNull("Location"), UriKind.Absolute, out var url) ? url : null)
            .FirstOrDefault(url => url is not null && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp));
        if (singleSignOnUrl is null)
        {
            return (null, new MetadataMissingRedirectBinding());
        }

        var (certificates, error) = ReadSigningCertificates(idp);
        return error is null ? (new IdpMetadata(entityId, singleSignOnUrl, certificates), null) : (null, error);
    }

    private static (IReadOnlyList<X509Certificate2> Certificates, Error? Error) ReadSigningCertificates(XmlElement idp)
    {
        var certificates = new List<X509Certificate2>();
        // A KeyDescriptor without "use" serves both signing and encryption (SAML Metadata 2.4.1.1).
        var keyInfos = idp.Children(SamlNames.Metadata, "KeyDescriptor")
            .Where(k => k.AttributeOrNull("use") is null or "signing")
            .Select(k => k.FirstChild(SamlNames.XmlDsig, "KeyInfo"))
            .OfType<XmlElement>();
        foreach (var x509Data in keyInfos.SelectMany(k => k.Children(SamlNames.XmlDsig, "X509Data")))
        {
            // Only the first certificate of an X509Data is the key's own; any further ones are its issuing chain.
            if (x509Data.FirstChild(SamlNames.XmlDsig, "X509Certificate")?.TextContent() is not { } base64)
            {
                continue;
            }

            var (certificate, error) = LoadCertificate(base64);
            if (error is not null)
            {
                return ([], error);
            }

            if (certificates.TrueForAll(c => !c.RawDataMemory.Span.SequenceEqual(certificate!.RawDataMemory.Span)))
            {
                certificates.Add(certificate!);
            }
        }

        return certificates.Count == 0 ? ([], new MetadataMissingSigningCertificate()) : (certificates, null);
    }

    private static (X509Certificate2? Certificate, Error? Error) LoadCertificate(string base64)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return (null, new MetadataCertificateUnreadable());
        }

        using var key = certificate.GetRSAPublicKey();
        return key switch
        {
            null => (null, new MetadataKeyNotRsa(certificate.Subject)),
            { KeySize: < RsaKeyPolicy.MinimumBits } => (null, new MetadataKeyTooSmall(certificate.Subject, key.KeySize)),
            _ => (certificate, null),
        };
    }
}
