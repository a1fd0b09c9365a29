using System.Text.Json;
using System.Text.Json.Serialization;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// Pasted metadata and attribute names not saved yet, as read and checked at the start of a test: kept with the test
/// only, never applied to the parent's connection.
/// </summary>
public sealed record SamlTestDraft(string EntityId, string SingleSignOnUrl, string SigningCertificatesPem, SamlAttributePreset Preset,
    SamlCustomAttributes? Custom)
{
    private static readonly JsonSerializerOptions _json = new() { Converters = { new JsonStringEnumConverter() } };

    public static SamlTestDraft From(IdpMetadata metadata, SamlAttributePreset preset, SamlCustomAttributes? custom) =>
        new(metadata.EntityId, metadata.SingleSignOnUrl.AbsoluteUri, SamlConnection.ToPem(metadata.SigningCertificates), preset,
            preset == SamlAttributePreset.Custom ? custom : null);

    /// <summary>An unsaved connection with the draft's values, read the way a saved one is (certificates, attribute profile).</summary>
    public SamlConnection ToConnection(Guid parentId) => new()
    {
        ParentOrganizationId = parentId,
        EntityId = EntityId,
        SingleSignOnUrl = SingleSignOnUrl,
        SigningCertificatesPem = SigningCertificatesPem,
        Preset = Preset,
        CustomSubjectSource = Custom?.SubjectSource ?? SamlSubjectSource.PersistentNameId,
        CustomSubjectAttribute = Trim(Custom?.SubjectAttribute),
        CustomEmailAttribute = Trim(Custom?.EmailAttribute),
        CustomDisplayNameAttribute = Trim(Custom?.DisplayNameAttribute),
        CustomGroupsAttribute = Trim(Custom?.GroupsAttribute),
    };

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static SamlTestDraft FromJson(string json) => JsonSerializer.Deserialize<SamlTestDraft>(json, _json)!;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
