using IdentityAccess.Core.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace IdentityAccess.Web.Auth;

internal static class AdminSignInServiceCollectionExtensions
{
    public const string EntraSection = "AzureAd";

    /// <summary>True when an <c>AzureAd</c> section names an app registration, so Entra ID sign-in is offered.</summary>
    public static bool IsEntraConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{EntraSection}:ClientId"]);

    /// <summary>
    /// One cookie session for the portal, whatever the sign-in method. Entra ID (OpenID Connect through
    /// Microsoft.Identity.Web) is added when configured; the development sign-in is mapped by
    /// <see cref="SignInEndpoints"/> in the Development environment only.
    /// </summary>
    public static IServiceCollection AddAdminSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (IsEntraConfigured(configuration))
        {
            authentication.AddMicrosoftIdentityWebApp(configuration.GetSection(EntraSection),
                OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, LinkEntraUserToPerson);
        }
        else
        {
            authentication.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Cookie.Name = "ia.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        return services;
    }

    // Entra says who the person is; IdentityAccess decides what they may do. The session carries our person id,
    // found by the verified email Entra sends, and never Entra's own claims.
    private static void LinkEntraUserToPerson(OpenIdConnectOptions options)
    {
        var identityWebHandler = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await identityWebHandler(context);
            var people = context.HttpContext.RequestServices.GetRequiredService<PersonLookup>();
            var linked = await EntraPersonLink.LinkAsync(context.Principal, people, context.HttpContext.RequestAborted);
            if (linked.Principal is null)
            {
                context.Fail(linked.Failure);
                return;
            }

            context.Principal = linked.Principal;
        };
        options.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/sign-in?error=" + Uri.EscapeDataString(context.Failure?.Message ?? "Sign-in failed."));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
