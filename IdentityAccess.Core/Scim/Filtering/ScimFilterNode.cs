namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>A parsed SCIM filter (RFC 7644 §3.4.2.2): the tree both the SQL translation and the in-memory evaluation walk.</summary>
internal abstract record ScimFilterNode;

internal sealed record ScimAndNode(ScimFilterNode Left, ScimFilterNode Right) : ScimFilterNode;

internal sealed record ScimOrNode(ScimFilterNode Left, ScimFilterNode Right) : ScimFilterNode;

internal sealed record ScimNotNode(ScimFilterNode Inner) : ScimFilterNode;

/// <summary><c>attr op value</c>; the value is a string, a decimal, a bool or null.</summary>
internal sealed record ScimCompareNode(ScimAttributePath Path, ScimCompareOperator Operator, object? Value) : ScimFilterNode;

internal sealed record ScimPresentNode(ScimAttributePath Path) : ScimFilterNode;

/// <summary><c>emails[type eq "work" and value co "@acme.test"]</c>: the inner filter's paths are sub-attributes of <see cref="Path"/>.</summary>
internal sealed record ScimValuePathNode(ScimAttributePath Path, ScimFilterNode Filter) : ScimFilterNode;

internal enum ScimCompareOperator
{
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
}
