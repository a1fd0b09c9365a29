namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// A page opened from an emailed link that no longer works (an invitation, a sign-in link: unknown, used, withdrawn or
/// expired, one answer for all) says so in its own words, with 410 Gone on the prerendered response for scripts and
/// proxies. Not 404: Blazor hands a 404 to the generic not-found page, which would drop the page's words.
/// </summary>
internal static class GoneLink
{
    public static void SetStatus(HttpContext? http, bool isInteractive)
    {
        if (!isInteractive && http is not null && !http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status410Gone;
        }
    }
}
