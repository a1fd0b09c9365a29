using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// A SCIM filter (RFC 7644 §3.4.2.2) parsed into a tree: every operator (eq ne co sw ew gt ge lt le pr), and, or,
/// not, parentheses, value paths and URN-qualified attributes. A malformed filter is a 400 invalidFilter naming the
/// position; an attribute a resource cannot be filtered on is one naming the attribute, when the filter is applied.
/// </summary>
public sealed class ScimFilter
{
    private ScimFilter(ScimFilterNode root) => Root = root;

    internal ScimFilterNode Root { get; }

    public static ScimFilter? Parse(string? filter) =>
        string.IsNullOrWhiteSpace(filter) ? null : new ScimFilter(ScimFilterParser.Parse(filter));
}
