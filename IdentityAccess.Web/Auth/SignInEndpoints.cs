using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace IdentityAccess.Web.Auth;

internal static class SignInEndpoints
{
    public const string SignOutPath = "/sign-out";
    public const string SignOutEverywherePath = "/sign-out/everywhere";

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        // Posts with an antiforgery token: another site cannot sign people out (nor end all their sessions) behind their back.
        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            if (!HasValidAntiforgeryToken(http))
            {
                return Results.BadRequest();
            }

            await PortalSignIn.SignOutAsync(http);
            return Results.LocalRedirect("/sign-in");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost(SignOutEverywherePath, async (HttpContext http) =>
        {
            if (!HasValidAntiforgeryToken(http))
            {
                return Results.BadRequest();
            }

            await PortalSignIn.SignOutEverywhereAsync(http);
            return Results.LocalRedirect(SignInMessages.SignInPath(SignInMessages.SignedOutEverywhere));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        if (AdminSignInServiceCollectionExtensions.IsEntraConfigured(configuration))
        {
            app.MapGet("/sign-in/entra", EntraChallengeAsync);
        }

        return app;
    }

    // The antiforgery middleware checks the token of an endpoint that asks for it, but only form binding refuses a failed
    // check: these endpoints bind no form, so they read the middleware's verdict themselves.
    private static bool HasValidAntiforgeryToken(HttpContext http) => http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true };

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
            http.Response.Redirect(SignInMessages.SignInPath(SignInMessages.EntraUnreachable, returnUrl));
        }
    }
}
