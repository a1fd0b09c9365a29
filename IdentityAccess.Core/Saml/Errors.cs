using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Saml;

public sealed record MetadataUnreadable(string Detail) : InvalidInputError("metadata", $"The metadata is not readable XML: {Detail}");

public sealed record MetadataHasDocumentType() : InvalidInputError("metadata", "The metadata contains a DOCTYPE, which is not allowed (it can expand entities or fetch files).");

public sealed record MetadataNotAnIdentityProvider(string Detail)
    : InvalidInputError("metadata", $"This is not the SAML 2.0 metadata of one identity provider: {Detail}");

public sealed record MetadataMissingRedirectBinding()
    : InvalidInputError("metadata", "The metadata has no SingleSignOnService with the HTTP-Redirect binding and an absolute http(s) Location.");

public sealed record MetadataMissingSigningCertificate() : InvalidInputError("metadata", "The metadata has no signing certificate.");

public sealed record MetadataCertificateUnreadable() : InvalidInputError("metadata", "A signing certificate in the metadata cannot be read.");

public sealed record MetadataKeyNotRsa(string Subject) : InvalidInputError("metadata", $"The signing certificate '{Subject}' does not have an RSA key; only RSA signatures are accepted.");

public sealed record MetadataKeyTooSmall(string Subject, int Bits)
    : InvalidInputError("metadata", $"The signing certificate '{Subject}' has a {Bits}-bit RSA key; at least {RsaKeyPolicy.MinimumBits} bits are required.")
{
    public int MinimumBits => RsaKeyPolicy.MinimumBits;
}

public sealed record SamlSubjectMissing(string Source) : InvalidInputError("assertion", $"The assertion has no usable subject ({Source}).");

public sealed record SamlSubjectAmbiguous(string Attribute) : InvalidInputError("assertion", $"The subject attribute '{Attribute}' has more than one value.");

public sealed record SamlNameIdNotPersistent(string? Format)
    : InvalidInputError("assertion", $"The NameID format is {Format ?? "unspecified"}, but it identifies the person only when it is persistent. Set the IdP's NameID format to persistent, or take the subject from an attribute.");
