using System.Text;

namespace IdentityAccess.Core.Scim.Input;

/// <summary>
/// The input rules of the SCIM directory, stated once. They apply to what a POST, a PUT or a PATCH's result would
/// store for a User or a Group; a value that breaks one is refused with 400 invalidValue naming the attribute, and
/// nothing is written. A body that is not readable JSON is refused before (400 invalidSyntax), and one larger than the
/// endpoint's limit with 413.
/// </summary>
public static class ScimInputRules
{
    /// <summary>userName: an email-shaped sign-in name may be 320 characters (RFC 5321's 64 + "@" + 255); so is the column.</summary>
    public const int UserNameMaxLength = 320;

    /// <summary>emails[].value: an address, at most 320 characters (the person's email column).</summary>
    public const int EmailMaxLength = 320;

    /// <summary>externalId of a User or a Group: the IdP's object id (Entra: a GUID, Okta: 20 characters).</summary>
    public const int ExternalIdMaxLength = 256;

    /// <summary>User displayName (or the one made from name parts): the directory user's and the person's display name columns hold 200.</summary>
    public const int UserDisplayNameMaxLength = 200;

    /// <summary>Group displayName: required, not blank.</summary>
    public const int GroupDisplayNameMaxLength = 256;

    /// <summary>Every other string the User schema names (name parts, title, nickName, locale, type…).</summary>
    public const int AttributeMaxLength = 256;

    /// <summary>Strings the schemas do not name (extension attributes): kept, up to this length each.</summary>
    public const int OtherStringMaxLength = 1024;

    /// <summary>Entries of one multi-valued attribute (emails, phoneNumbers, addresses, roles…).</summary>
    public const int MultiValuedMaxEntries = 100;

    /// <summary>The stored User document as a whole, in characters of JSON.</summary>
    public const int UserDocumentMaxLength = 64 * 1024;

    /// <summary>
    /// The key userName uniqueness is decided on: Unicode NFC, then upper-cased, so "Zoë" typed with a combining
    /// diaeresis and "ZOË" precomposed are one userName (RFC 7643 §2.1: userName is caseExact false).
    /// </summary>
    public static string NormalizedUserName(string userName) => userName.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    /// <summary>
    /// The keys an existing userName may be stored under: rows written before the NFC rule kept the client's form, so
    /// the decomposed (NFD) form is looked for too, and a look-alike cannot shadow them.
    /// </summary>
    public static IReadOnlyList<string> UserNameKeys(string userName) =>
        [.. new[] { NormalizedUserName(userName), userName.Normalize(NormalizationForm.FormD).ToUpperInvariant() }.Distinct(StringComparer.Ordinal)];
}
