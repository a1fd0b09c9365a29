namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>Rewrites the inside of <c>emails[type eq "work"]</c> to full paths (<c>emails.type eq "work"</c>).</summary>
internal static class ScimSubAttributes
{
    public static ScimFilterNode Qualify(string attribute, ScimFilterNode node) => node switch
    {
        ScimAndNode and => new ScimAndNode(Qualify(attribute, and.Left), Qualify(attribute, and.Right)),
        ScimOrNode or => new ScimOrNode(Qualify(attribute, or.Left), Qualify(attribute, or.Right)),
        ScimNotNode not => new ScimNotNode(Qualify(attribute, not.Inner)),
        ScimCompareNode compare => compare with { Path = Qualify(attribute, compare.Path) },
        ScimPresentNode present => present with { Path = Qualify(attribute, present.Path) },
        _ => throw ScimException.InvalidFilter($"A filter inside {attribute}[…] cannot hold another value filter."),
    };

    private static ScimAttributePath Qualify(string attribute, ScimAttributePath path) =>
        path is { Schema: null, SubAttribute: null }
            ? new ScimAttributePath(null, attribute, path.Attribute)
            : throw ScimException.InvalidFilter($"Inside {attribute}[…], '{path}' must be a sub-attribute name such as value or type.");
}
