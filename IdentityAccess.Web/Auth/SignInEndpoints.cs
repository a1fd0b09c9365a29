using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace IdentityAccess.Web.Auth;

internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        app.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/sign-in");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()); // no form fields are bound, so ask for the check explicitly

        if (AdminSignInServiceCollectionExtensions.IsEntraConfigured(configuration))
        {
            app.MapGet("/sign-in/entra", EntraChallengeAsync);
        }

        return app;
    }

    private static async Task EntraChallengeAsync(HttpContext http, ILogger<AdminSignIn> logger, string? returnUrl)
    {
        try
        {
            await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme,
                new AuthenticationProperties { RedirectUri = LocalRedirect.Sanitize(returnUrl) });
        }
        catch (InvalidOperationException ex) when (!http.Response.HasStarted)
        {
            // The challenge first reads Entra's metadata; when Entra cannot be reached the person gets a sentence, not a 500.
            logger.LogWarning(ex, "Microsoft Entra ID could not be reached for sign-in.");
            http.Response.Redirect("/sign-in?error=" + Uri.EscapeDataString(
                "Microsoft Entra ID could not be reached. Try again in a moment; if it keeps happening, tell your administrator."));
        }
    }
}
