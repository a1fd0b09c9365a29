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

    /// <summary>The preset the attribute names below started from.</summary>
    public SamlAttributePreset Preset { get; set; }

    // The attribute names in use. Rows from before presets had editable names hold them only for the Custom preset:
    // there, a null email attribute means "the preset's names, groups as ids" (what those rows always did).
    public SamlSubjectSource CustomSubjectSource { get; set; }

    public string? CustomSubjectAttribute { get; set; }

    public string? CustomEmailAttribute { get; set; }

    public string? CustomDisplayNameAttribute { get; set; }

    public string? CustomGroupsAttribute { get; set; }

    public string? CustomGivenNameAttribute { get; set; }

    public string? CustomFamilyNameAttribute { get; set; }

    /// <summary>Null on rows from before group formats, which read groups as ids.</summary>
    public SamlGroupsFormat? GroupsFormat { get; set; }

    /// <summary>Off: every login must start here (SAML-SP.md §2 step 13), which closes login CSRF.</summary>
    public bool AllowIdpInitiated { get; set; }

    /// <summary>AuthnRequests carry an HTTP-Redirect signature with the parent's current SP signing key (SpKeys).</summary>
    public bool SignAuthnRequests { get; set; }

    /// <summary>Sign-in through the IdP is offered only when enabled, and enabling needs a verified domain.</summary>
    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    // The trust this connection had before its metadata was last replaced (a paste, a URL import or a refresh that
    // changed keys, entity ID or sign-in URL): "Roll back" puts it back in one action. Null before any replacement.
    public string? PreviousEntityId { get; set; }

    public string? PreviousSingleSignOnUrl { get; set; }

    public string? PreviousSigningCertificatesPem { get; set; }

    public DateTimeOffset? ReplacedAt { get; set; }

    /// <summary>The names in use, as the editor shows them.</summary>
    public SamlCustomAttributes AttributeNames => HasOwnNames
        ? new(CustomSubjectSource, CustomSubjectAttribute, CustomEmailAttribute, CustomDisplayNameAttribute, CustomGroupsAttribute,
            CustomGivenNameAttribute, CustomFamilyNameAttribute, GroupsFormat ?? SamlGroupsFormat.Ids)
        : SamlAttributePresets.Names(Preset) with { GroupsFormat = SamlGroupsFormat.Ids };

    /// <summary>What the sign-in reads; the group-overage claim is Entra's own protocol, so it comes with its preset only.</summary>
    public SamlAttributeProfile Profile
    {
        get
        {
            var names = AttributeNames;
            return new SamlAttributeProfile
            {
                SubjectSource = names.SubjectSource,
                SubjectAttribute = names.SubjectAttribute,
                EmailAttribute = names.EmailAttribute,
                GivenNameAttribute = names.GivenNameAttribute,
                FamilyNameAttribute = names.FamilyNameAttribute,
                DisplayNameAttribute = names.DisplayNameAttribute,
                GroupsAttribute = names.GroupsAttribute,
                GroupsFormat = names.GroupsFormat,
                GroupsOverageAttribute = SamlAttributePresets.Profile(Preset).GroupsOverageAttribute,
            };
        }
    }

    private bool HasOwnNames => Preset == SamlAttributePreset.Custom || CustomEmailAttribute is not null;

    /// <summary>Sets the preset and the names (already normalized and checked).</summary>
    public void SetAttributeNames(SamlAttributePreset preset, SamlCustomAttributes names)
    {
        Preset = preset;
        (CustomSubjectSource, CustomSubjectAttribute, CustomEmailAttribute, CustomDisplayNameAttribute, CustomGroupsAttribute) =
            (names.SubjectSource, names.SubjectAttribute, names.EmailAttribute, names.DisplayNameAttribute, names.GroupsAttribute);
        (CustomGivenNameAttribute, CustomFamilyNameAttribute, GroupsFormat) = (names.GivenNameAttribute, names.FamilyNameAttribute, names.GroupsFormat);
    }

    public IReadOnlyList<X509Certificate2> LoadCertificates() => CertificatesIn(SigningCertificatesPem);

    public static IReadOnlyList<X509Certificate2> CertificatesIn(string pem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        return [.. certificates];
    }

    public SamlIdpConnection ToIdpConnection() =>
        new(EntityId, new Uri(SingleSignOnUrl), LoadCertificates(), Profile) { AllowIdpInitiated = AllowIdpInitiated };

    public static string ToPem(IEnumerable<X509Certificate2> certificates) =>
        string.Join('\n', certificates.Select(c => c.ExportCertificatePem())) + "\n";
}
