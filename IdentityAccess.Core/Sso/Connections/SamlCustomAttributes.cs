using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>Attribute names for an IdP that is neither Entra ID nor Okta (<see cref="SamlAttributePreset.Custom"/>).</summary>
public sealed record SamlCustomAttributes(
    SamlSubjectSource SubjectSource,
    string? SubjectAttribute,
    string? EmailAttribute,
    string? DisplayNameAttribute,
    string? GroupsAttribute)
{
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(EmailAttribute)
        && (SubjectSource == SamlSubjectSource.PersistentNameId || !string.IsNullOrWhiteSpace(SubjectAttribute));
}
