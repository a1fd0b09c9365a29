using IdentityAccess.Core.Sessions;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.SignInLinks;

/// <summary>
/// Using an emailed sign-in link. The link itself opens a page (<c>GET /sign-in/link/{secret}</c>, which uses
/// nothing: mail scanners fetch links) whose "Sign in as …" button posts here, with an antiforgery token.
/// </summary>
internal static class SignInLinkEndpoints
{
    public const string RedeemPath = "/sign-in/link";

    public static IEndpointRouteBuilder MapSignInLinkEndpoints(this IEndpointRouteBuilder app)
    {
        // A [FromForm] parameter makes the minimal API check the antiforgery token before the handler runs.
        app.MapPost(RedeemPath, RedeemAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> RedeemAsync(HttpContext http, [FromForm] string? secret, EmailSignInService signIn)
    {
        var redeemed = await signIn.RedeemAsync(secret, http.RequestAborted);
        if (redeemed.Person is null)
        {
            return SamlSignInPages.Page(http, RefusalStatus.Of(redeemed.Refusal!), SamlSignInPages.Words(http)["Problem.SignInLinkTitle"], SamlSignInPages.Words(http).Refusal(redeemed.Refusal!));
        }

        await PortalSignIn.SignInAsync(http, redeemed.Person, "email-link");
        return Results.LocalRedirect(LocalRedirect.Sanitize(redeemed.ReturnUrl));
    }
}
