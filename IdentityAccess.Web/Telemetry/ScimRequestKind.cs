namespace IdentityAccess.Web.Telemetry;

/// <summary>
/// A SCIM request's resource and operation for metrics, from its method and path alone: a bounded set of values (an
/// id or a filter never becomes a label, so a metric's series stay few and hold no one's data).
/// </summary>
internal static class ScimRequestKind
{
    private static readonly HashSet<string> _resources = new(StringComparer.OrdinalIgnoreCase)
    {
        "Users", "Groups", "Bulk", "ServiceProviderConfig", "ResourceTypes", "Schemas", "Me",
    };

    private const string Base = "/scim/v2";

    /// <summary>The request's path ("/scim/v2/Users/abc", "/scim/v2/Groups/.search") and method as sent.</summary>
    public static (string Resource, string Operation) Of(string method, string path)
    {
        var below = path.StartsWith(Base, StringComparison.OrdinalIgnoreCase) ? path[Base.Length..] : path;
        var segments = below.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 0 && _resources.TryGetValue(segments[0], out var known) ? known : "other";
        var withId = segments.Length > 1 && segments[1] != ".search";
        var operation = method.ToUpperInvariant() switch
        {
            _ when segments.Length > 1 && segments[1] == ".search" => "search",
            "GET" => withId ? "get" : "list",
            "POST" => resource == "Bulk" ? "bulk" : "create",
            "PUT" => "replace",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => "other",
        };
        return (resource, operation);
    }
}

/// <summary>Records one SCIM request in <see cref="Core.Telemetry.IdentityAccessTelemetry.ScimRequestDuration"/>.</summary>
internal static class ScimTelemetry
{
    public static void Record(string method, string path, int status, TimeSpan elapsed)
    {
        var histogram = Core.Telemetry.IdentityAccessTelemetry.ScimRequestDuration;
        if (!histogram.Enabled)
        {
            return;
        }

        var (resource, operation) = ScimRequestKind.Of(method, path);
        histogram.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("scim.resource", resource),
            new KeyValuePair<string, object?>("scim.operation", operation), new KeyValuePair<string, object?>("http.response.status_code", status));
    }
}
