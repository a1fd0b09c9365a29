namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A page of a list: <paramref name="NextCursor"/> fetches the next one, null on the last.</summary>
internal sealed record ApiList<T>(IReadOnlyList<T> Items, string? NextCursor);
