namespace IdentityAccess.Core.Scim;

/// <summary>A list request's filter, order and page (RFC 7644 §3.4.2): startIndex is 1-based, count may be 0.</summary>
public sealed record ScimListQuery(ScimFilter? Filter, string? SortBy, bool Descending, int StartIndex, int Count)
{
    /// <summary>sortOrder is "ascending" (the default) or "descending", in any case; anything else is a 400 invalidValue.</summary>
    public static bool IsDescending(string? sortOrder) => sortOrder?.Trim().ToLowerInvariant() switch
    {
        null or "" or "ascending" => false,
        "descending" => true,
        _ => throw ScimException.InvalidValue($"sortOrder '{sortOrder}' is neither ascending nor descending."),
    };
}
