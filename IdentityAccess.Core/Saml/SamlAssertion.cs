namespace IdentityAccess.Core.Saml;

/// <summary>
/// The content of an assertion that passed every check, read only from the element its signature covers.
/// Attribute names are compared ordinally; an attribute sent several times has all its values merged in order.
/// </summary>
/// <param name="NotOnOrAfter">The end of the Conditions validity window (a session may be bounded by it).</param>
public sealed record SamlAssertion(
    string AssertionId,
    string Issuer,
    string NameId,
    string? NameIdFormat,
    string? SessionIndex,
    DateTimeOffset NotOnOrAfter,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes);
