using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>The parent organization's SAML identity provider, shared by every organization joined to it.</summary>
public sealed class SamlConnection
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string EntityId { get; set; }

    /// <summary>The IdP's SingleSignOnService for the HTTP-Redirect binding.</summary>
    public required string SingleSignOnUrl { get; set; }

    /// <summary>The pinned signing certificates as PEM text, several during a rollover.</summary>
    public required string SigningCertificatesPem { get; set; }

    public SamlAttributePreset Preset { get; set; }

    /// <summary>Used only with <see cref="SamlAttributePreset.Custom"/>.</summary>
    public SamlSubjectSource CustomSubjectSource { get; set; }

    public string? CustomSubjectAttribute { get; set; }

    public string? CustomEmailAttribute { get; set; }

    public string? CustomDisplayNameAttribute { get; set; }

    public string? CustomGroupsAttribute { get; set; }

    /// <summary>Off: every login must start here (SAML-SP.md §2 step 13), which closes login CSRF.</summary>
    public bool AllowIdpInitiated { get; set; }

    /// <summary>AuthnRequests carry an HTTP-Redirect signature with the parent's current SP signing key (SpKeys).</summary>
    public bool SignAuthnRequests { get; set; }

    /// <summary>Sign-in through the IdP is offered only when enabled, and enabling needs a verified domain.</summary>
    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public SamlAttributeProfile Profile => Preset switch
    {
        SamlAttributePreset.EntraId => SamlAttributeProfile.EntraId,
        SamlAttributePreset.Okta => SamlAttributeProfile.Okta,
        SamlAttributePreset.Custom => new SamlAttributeProfile
        {
            SubjectSource = CustomSubjectSource,
            SubjectAttribute = CustomSubjectAttribute,
            EmailAttribute = CustomEmailAttribute,
            DisplayNameAttribute = CustomDisplayNameAttribute,
            GroupsAttribute = CustomGroupsAttribute,
        },
    };

    public IReadOnlyList<X509Certificate2> LoadCertificates()
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(SigningCertificatesPem);
        return [.. certificates];
    }

    public SamlIdpConnection ToIdpConnection() =>
        new(EntityId, new Uri(SingleSignOnUrl), LoadCertificates(), Profile) { AllowIdpInitiated = AllowIdpInitiated };

    public static string ToPem(IEnumerable<X509Certificate2> certificates) =>
        string.Join('\n', certificates.Select(c => c.ExportCertificatePem())) + "\n";
}
