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
}
