namespace IdentityAccess.Tests.Web.Endpoints.Scim.Fuzz;

/// <summary>What a route's body is made from: a User, a Group, a PatchOp (on PATCH), or nothing the route reads.</summary>
public enum ScimFuzzBody
{
    User,
    Group,

    /// <summary>A BulkRequest whose operations carry generated Users, Groups and PatchOps.</summary>
    Bulk,
    None,
}

/// <summary>
/// One SCIM route the fuzzer sends every method to (mostly the ones it serves, so the handlers, not only routing, are
/// fuzzed); <c>{id}</c> is replaced by a generated id.
/// </summary>
public sealed record ScimFuzzRoute(string Template, ScimFuzzBody Body, params string[] Serves);

/// <summary>Every route under /scim/v2 the fuzz test covers. A new route is one more line here.</summary>
public static class ScimFuzzRoutes
{
    public static IReadOnlyList<string> Methods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<ScimFuzzRoute> All { get; } =
    [
        new("/Users", ScimFuzzBody.User, "GET", "POST"),
        new("/Users/{id}", ScimFuzzBody.User, "GET", "PUT", "PATCH", "DELETE"),
        new("/Groups", ScimFuzzBody.Group, "GET", "POST"),
        new("/Groups/{id}", ScimFuzzBody.Group, "GET", "PUT", "PATCH", "DELETE"),
        new("/Bulk", ScimFuzzBody.Bulk, "POST"),
        new("/ServiceProviderConfig", ScimFuzzBody.None, "GET"),
        new("/Schemas", ScimFuzzBody.None, "GET"),
        new("/Schemas/{id}", ScimFuzzBody.None, "GET"),
        new("/ResourceTypes", ScimFuzzBody.None, "GET"),
        new("/ResourceTypes/{id}", ScimFuzzBody.None, "GET"),
        new("/Me", ScimFuzzBody.User),
        new("/NoSuchResource/{id}", ScimFuzzBody.None),
        new("/Users/{id}/Groups", ScimFuzzBody.None),
    ];
}
