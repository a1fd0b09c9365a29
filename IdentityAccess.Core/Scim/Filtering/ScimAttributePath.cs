namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// An attribute path of RFC 7644 §3.10: an optional schema URN, an attribute and an optional sub-attribute, e.g.
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>. Names compare case-insensitively.
/// </summary>
internal sealed record ScimAttributePath(string? Schema, string Attribute, string? SubAttribute)
{
    /// <summary>The lower-case dotted name without the schema, for lookups: "name.givenname".</summary>
    public string Key => (SubAttribute is null ? Attribute : $"{Attribute}.{SubAttribute}").ToLowerInvariant();

    public override string ToString() => (Schema is null ? "" : Schema + ":") + (SubAttribute is null ? Attribute : $"{Attribute}.{SubAttribute}");

    /// <summary>Splits "urn:…:User:name.givenName" or "name.givenName"; null when the text is not a path.</summary>
    public static ScimAttributePath? TryParse(string text)
    {
        string? schema = null;
        var name = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var colon = text.LastIndexOf(':');
            (schema, name) = (text[..colon], text[(colon + 1)..]);
        }

        var parts = name.Split('.');
        return parts.Length is 1 or 2 && parts.All(IsAttributeName) ? new ScimAttributePath(schema, parts[0], parts.Length == 2 ? parts[1] : null) : null;
    }

    /// <summary>Whether the path names a core attribute of <paramref name="coreSchema"/> (no URN, or that URN).</summary>
    public bool IsIn(string coreSchema) => Schema is null || Schema.Equals(coreSchema, StringComparison.OrdinalIgnoreCase);

    // RFC 7643 §2.1: ATTRNAME = ALPHA *(nameChar); nameChar = "-" / "_" / DIGIT / ALPHA. "$ref" is the one exception.
    private static bool IsAttributeName(string name) =>
        name == "$ref" || (name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
