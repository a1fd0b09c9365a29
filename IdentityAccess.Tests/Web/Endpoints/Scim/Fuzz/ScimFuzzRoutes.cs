namespace IdentityAccess.Tests.Web.Endpoints.Scim.Fuzz;

/// <summary>What a route's body is made from: a User, a Group, a PatchOp (on PATCH), or nothing the route reads.</summary>
public enum ScimFuzzBody
{
    User,
    Group,
    None,
}

/// <summary>One SCIM route the fuzzer sends every method to; <c>{id}</c> is replaced by a generated id.</summary>
public sealed record ScimFuzzRoute(string Template, ScimFuzzBody Body);

/// <summary>Every route under /scim/v2 the fuzz test covers. A new route (say /Bulk) is one more line here.</summary>
public static class ScimFuzzRoutes
{
    public static IReadOnlyList<string> Methods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<ScimFuzzRoute> All { get; } =
    [
        new("/Users", ScimFuzzBody.User),
        new("/Users/{id}", ScimFuzzBody.User),
        new("/Groups", ScimFuzzBody.Group),
        new("/Groups/{id}", ScimFuzzBody.Group),
        new("/ServiceProviderConfig", ScimFuzzBody.None),
        new("/Schemas", ScimFuzzBody.None),
        new("/Schemas/{id}", ScimFuzzBody.None),
        new("/ResourceTypes", ScimFuzzBody.None),
        new("/ResourceTypes/{id}", ScimFuzzBody.None),
        new("/Me", ScimFuzzBody.User),
        new("/NoSuchResource/{id}", ScimFuzzBody.None),
        new("/Users/{id}/Groups", ScimFuzzBody.None),
    ];
}
