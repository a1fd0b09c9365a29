using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>What the Identity and access page shows of the parent's SSO connection.</summary>
/// <param name="Connection">Null until metadata has been imported.</param>
/// <param name="HasVerifiedDomain">SSO can be enabled only once the parent has verified an email domain.</param>
/// <param name="PeopleWithGroupOverage">
/// People whose last sign-in carried Entra's group-overage link instead of their groups: they got the lowest role.
/// </param>
public sealed record SamlConnectionView(SamlConnectionDetails? Connection, bool HasVerifiedDomain, int PeopleWithGroupOverage = 0);

public sealed record SamlConnectionDetails(
    string EntityId,
    string SingleSignOnUrl,
    SamlAttributePreset Preset,
    bool Enabled,
    bool AllowIdpInitiated,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SamlCertificateView> Certificates)
{
    /// <summary>The URL the metadata is refreshed from; null when it was pasted.</summary>
    public SamlMetadataSourceView? Source { get; init; }

    /// <summary>When the metadata was last replaced; set only while there is a previous one to roll back to.</summary>
    public DateTimeOffset? ReplacedAt { get; init; }
}

/// <param name="KeyBits">RSA key size; metadata with keys under 2048 bits is refused at import.</param>
public sealed record SamlCertificateView(string Subject, DateTimeOffset NotAfter, int KeyBits, string Thumbprint)
{
    /// <summary>SHA-256, as IdP consoles and the audit log show it.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Against the clock when the view was read.</summary>
    public CertificateExpiry Expiry { get; init; }
}
