using System.Text.Json.Nodes;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>The SCIM resource types that can be written (RFC 7643 §4), by their endpoint.</summary>
internal enum ScimResourceKind
{
    User,
    Group,
}

/// <summary>
/// One SCIM write, parsed: a request of its own (POST /Users, PATCH /Groups/{id}, …) or one operation of a /Bulk.
/// <paramref name="Version"/> is the request's If-Match header or the Bulk operation's <c>version</c> (RFC 7644 §3.14, §3.7).
/// </summary>
internal sealed record ScimWrite(string Method, ScimResourceKind Kind, Guid? Id, JsonObject? Data, string? Version)
{
    public static string Endpoint(ScimResourceKind kind) => kind switch
    {
        ScimResourceKind.User => "/Users",
        ScimResourceKind.Group => "/Groups",
    };
}

/// <summary>What a write did: its status, and the resource as written (null after a DELETE).</summary>
internal sealed record ScimWriteResult(int Status, JsonObject? Resource)
{
    public string? Location => Resource?["meta"]?["location"]?.GetValue<string>();

    public string? Version => Resource?["meta"]?["version"]?.GetValue<string>();
}
