namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>PATCH paths share the filter grammar: <c>emails[type eq "work"].value</c> is a value path and a sub-attribute.</summary>
internal sealed partial class ScimFilterParser
{
    /// <summary>A PATCH path (RFC 7644 §3.5.2): <c>attrPath</c> or <c>valuePath [ "." subAttr ]</c>.</summary>
    public static (ScimAttributePath Path, ScimFilterNode? Filter, string? SubAttribute) ParsePatchPath(string text)
    {
        var parser = new ScimFilterParser(text.Trim());
        var word = parser.ReadWord();
        var path = ScimAttributePath.TryParse(word) ?? throw ScimException.InvalidPath($"'{text}' is not an attribute path.");
        ScimFilterNode? filter = null;
        string? sub = null;
        if (parser.Peek() == '[')
        {
            if (path.SubAttribute is not null)
            {
                throw ScimException.InvalidPath($"'{text}': a filter goes on the attribute, not on a sub-attribute.");
            }

            try
            {
                filter = parser.ParseBracket();
            }
            catch (ScimException ex)
            {
                throw ScimException.InvalidPath($"Invalid filter in path '{text}': {ex.Message}");
            }

            if (parser.Peek() == '.')
            {
                parser._position++;
                sub = parser.ReadWord();
                if (ScimAttributePath.TryParse(sub) is not { SubAttribute: null, Schema: null })
                {
                    throw ScimException.InvalidPath($"'{text}': '{sub}' is not a sub-attribute name.");
                }
            }
        }

        return parser._position == parser._text.Length ? (path, filter, sub) : throw ScimException.InvalidPath($"'{text}' is not a valid path.");
    }
}
