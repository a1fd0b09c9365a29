namespace IdentityAccess.Web.Auth;

/// <summary>
/// What a program calling <c>/api</c> gets when it is not signed in or not allowed: an RFC 9457 problem in JSON with
/// the status that says so, never the sign-in page's HTML behind a 302.
/// </summary>
internal static class ApiProblems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IResult NotSignedIn() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
            detail: "Sign in to the portal first; a session that was signed out or has ended no longer counts.");

    public static IResult Refused() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: "You are signed in, but this is not yours to see or change.");

    /// <summary>The management API's 401: no key, or one that is not valid (unknown, revoked, expired).</summary>
    public static IResult KeyNotValid(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key not valid", detail: detail);

    /// <summary>The management API's 403: a valid key whose creator or scope does not allow this.</summary>
    public static IResult KeyRefused(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    /// <summary>A status without a body (no such route, a method not allowed), said as a problem rather than left empty.</summary>
    public static IResult Status(int statusCode) => Results.Problem(statusCode: statusCode);
}
