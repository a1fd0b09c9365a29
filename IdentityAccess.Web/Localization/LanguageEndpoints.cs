using IdentityAccess.Core.People;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace IdentityAccess.Web.Localization;

/// <summary>The language picker's form: remembered in this browser, and for the person when signed in.</summary>
internal static class LanguageEndpoints
{
    public const string Path = "/language";

    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with an antiforgery token (another site cannot switch someone's language) that works without the
        // page's circuit; the page is then loaded again, and its new circuit starts in the language picked.
        app.MapPost(Path, async (HttpContext http, PersonLanguage languages, ILogger<PortalLanguage> logger) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired. Reload the page and pick the language again.");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var culture = form["culture"].ToString();
            if (!PortalCultures.IsSupported(culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This language is not available.",
                    detail: $"Available: {string.Join(", ", PortalCultures.All.Select(l => l.Culture))}.");
            }

            PortalLocalization.RememberInBrowser(http, culture);
            if (http.User.GetPersonId() is { } person && !await languages.SetAsync(person, culture, http.RequestAborted))
            {
                logger.LogInformation("A language was picked by a signed-in person who no longer exists; kept in the browser only.");
            }

            return Results.LocalRedirect(LocalRedirect.Sanitize(form["returnUrl"].ToString()));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }
}
