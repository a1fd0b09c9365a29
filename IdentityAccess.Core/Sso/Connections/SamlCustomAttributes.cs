using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The attribute names a connection reads: a preset's (<see cref="SamlAttributePresets.Names"/>), or as a parent admin
/// changed them. The name is historical: once only the Custom preset had names of its own.
/// </summary>
public sealed record SamlCustomAttributes(
    SamlSubjectSource SubjectSource,
    string? SubjectAttribute,
    string? EmailAttribute,
    string? DisplayNameAttribute,
    string? GroupsAttribute,
    string? GivenNameAttribute = null,
    string? FamilyNameAttribute = null,
    SamlGroupsFormat GroupsFormat = SamlGroupsFormat.Ids)
{
    /// <summary>The longest attribute name kept (the columns' size); claim URIs are far shorter.</summary>
    public const int MaxLength = 256;

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(EmailAttribute)
        && (SubjectSource == SamlSubjectSource.PersistentNameId || !string.IsNullOrWhiteSpace(SubjectAttribute));

    public static SamlCustomAttributes From(SamlAttributeProfile profile) =>
        new(profile.SubjectSource, profile.SubjectAttribute, profile.EmailAttribute, profile.DisplayNameAttribute, profile.GroupsAttribute,
            profile.GivenNameAttribute, profile.FamilyNameAttribute, profile.GroupsFormat);

    /// <summary>Trimmed, blanks as null, and the subject attribute dropped when the subject is the NameID.</summary>
    public SamlCustomAttributes Normalized() => new(SubjectSource,
        SubjectSource == SamlSubjectSource.Attribute ? Trim(SubjectAttribute) : null, Trim(EmailAttribute), Trim(DisplayNameAttribute), Trim(GroupsAttribute),
        Trim(GivenNameAttribute), Trim(FamilyNameAttribute), GroupsFormat);

    /// <summary>Null when usable: complete, each name at most <see cref="MaxLength"/> characters with nothing invisible in it.</summary>
    public Common.Error? Check()
    {
        if (!IsComplete)
        {
            return new SamlCustomAttributesMissing();
        }

        var names = new (string Field, string? Value)[]
        {
            ("subject", SubjectAttribute), ("email", EmailAttribute), ("givenName", GivenNameAttribute), ("familyName", FamilyNameAttribute),
            ("displayName", DisplayNameAttribute), ("groups", GroupsAttribute),
        };
        foreach (var (field, value) in names)
        {
            if (value is { Length: > MaxLength })
            {
                return new SamlAttributeNameInvalid(field, AttributeNameProblem.TooLong);
            }

            if (value is not null && value.Any(char.IsControl))
            {
                return new SamlAttributeNameInvalid(field, AttributeNameProblem.ControlCharacters);
            }
        }

        return null;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
