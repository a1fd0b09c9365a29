using IdentityAccess.Core.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// The portal cookie's events: every request's cookie is checked against its server-side session, and calls under
/// <c>/api</c> get a JSON problem (401/403) where pages get the sign-in page.
/// </summary>
internal sealed class PortalCookieEvents(PortalSessionService sessions) : CookieAuthenticationEvents
{
    private const string SessionEndedKey = "ia.session-ended";

    /// <summary>
    /// A cookie is worth its session only: revoked, expired, unknown or missing, the request goes on anonymous and the
    /// cookie is removed. A good session gives the request a principal with the person's current name and email; the
    /// cookie itself is not rewritten with them.
    /// </summary>
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var check = principal?.GetSessionId() is { } sessionId && principal.GetPersonId() is { } personId
            ? await sessions.ValidateAsync(sessionId, personId, context.HttpContext.RequestAborted)
            : null;
        if (check is null)
        {
            context.RejectPrincipal();
            context.HttpContext.Items[SessionEndedKey] = true;
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        context.ReplacePrincipal(PortalPrincipal.ForRequest(check));
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiProblems.IsApi(context.Request))
        {
            return ApiProblems.NotSignedIn().ExecuteAsync(context.HttpContext);
        }

        // A cookie whose session ended says so on the sign-in page.
        var path = RelativeTarget(context);
        if (context.HttpContext.Items.ContainsKey(SessionEndedKey))
        {
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "error=" + SignInMessages.SessionEnded;
        }

        context.Response.Redirect(path);
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiProblems.IsApi(context.Request))
        {
            return ApiProblems.Refused().ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(RelativeTarget(context));
        return Task.CompletedTask;
    }

    // The handler builds its redirects from the request's scheme and Host header; the path is all a browser needs.
    private static string RelativeTarget(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        return target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
    }
}
