using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Saml;

/// <summary>Turns a validated assertion into a <see cref="SamlIdentity"/> with the IdP's attribute profile.</summary>
public static class SamlIdentityMapper
{
    public static (SamlIdentity? Identity, Error? Error) Map(SamlAssertion assertion, SamlAttributeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(profile);
        var (subject, error) = Subject(assertion, profile);
        if (error is not null)
        {
            return (null, error);
        }

        var email = First(assertion, profile.EmailAttribute)
            ?? (assertion.NameIdFormat == SamlNameIdFormats.EmailAddress ? assertion.NameId : null);
        var groups = profile.GroupsAttribute is { } name && assertion.Attributes.TryGetValue(name, out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var overage = profile.GroupsOverageAttribute is { } overageName && assertion.Attributes.ContainsKey(overageName);
        var (given, family) = (First(assertion, profile.GivenNameAttribute)?.Trim(), First(assertion, profile.FamilyNameAttribute)?.Trim());
        var displayName = First(assertion, profile.DisplayNameAttribute) ?? FullName(given, family);
        return (new SamlIdentity(assertion.Issuer, subject!, email, displayName, groups, overage) { GivenName = given, FamilyName = family }, null);
    }

    // Google, OneLogin and JumpCloud send no display name unless the admin adds one; the person still gets a name.
    private static string? FullName(string? given, string? family) =>
        string.Join(' ', new[] { given, family }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : null;

    private static (string? Subject, Error? Error) Subject(SamlAssertion assertion, SamlAttributeProfile profile) =>
        profile.SubjectSource switch
        {
            SamlSubjectSource.PersistentNameId => PersistentNameId(assertion),
            SamlSubjectSource.Attribute => SingleAttribute(assertion, profile.SubjectAttribute ?? ""),
        };

    // Step 18: a transient, email or unspecified NameID may change, or be given to someone else later.
    private static (string? Subject, Error? Error) PersistentNameId(SamlAssertion assertion) =>
        assertion.NameIdFormat == SamlNameIdFormats.Persistent
            ? (assertion.NameId, null)
            : (null, new SamlNameIdNotPersistent(assertion.NameIdFormat));

    private static (string? Subject, Error? Error) SingleAttribute(SamlAssertion assertion, string name)
    {
        var values = assertion.Attributes.GetValueOrDefault(name) ?? [];
        return values.Count switch
        {
            0 => (null, new SamlSubjectMissing($"attribute '{name}'")),
            > 1 => (null, new SamlSubjectAmbiguous(name)),
            _ when string.IsNullOrWhiteSpace(values[0]) => (null, new SamlSubjectMissing($"attribute '{name}' is empty")),
            _ => (values[0], null),
        };
    }

    private static string? First(SamlAssertion assertion, string? attribute) =>
        attribute is not null && assertion.Attributes.TryGetValue(attribute, out var values)
            ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            : null;
}
