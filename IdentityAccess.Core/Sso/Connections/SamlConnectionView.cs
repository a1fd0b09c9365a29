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
    IReadOnlyList<SamlCertificateView> Certificates);

/// <param name="KeyBits">RSA key size; metadata with keys under 2048 bits is refused at import.</param>
public sealed record SamlCertificateView(string Subject, DateTimeOffset NotAfter, int KeyBits, string Thumbprint);
