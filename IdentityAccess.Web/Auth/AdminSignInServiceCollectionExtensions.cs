using IdentityAccess.Core.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;

namespace IdentityAccess.Web.Auth;

internal static class AdminSignInServiceCollectionExtensions
{
    public const string EntraSection = "AzureAd";

    private const string EntraFailureKey = "ia.entra-failure";

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
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8); // and never past the server session's own end (PortalSessionService)
            cookie.EventsType = typeof(PortalCookieEvents);
        });
        services.AddScoped<PortalCookieEvents>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // Registered before AddInteractiveServerComponents, whose TryAdd then keeps these: live pages re-check the session.
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionCircuitHandler>());
        services.AddHttpContextAccessor();
        return services;
    }

    // Entra says who the person is; IdentityAccess decides what they may do. The session is our person's, found by the
    // verified email Entra sends, and carries none of Entra's own claims.
    private static void LinkEntraUserToPerson(OpenIdConnectOptions options)
    {
        var identityWebHandler = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await identityWebHandler(context);
            var people = context.HttpContext.RequestServices.GetRequiredService<PersonLookup>();
            var linked = await EntraPersonLink.LinkAsync(context.Principal, people, context.HttpContext.RequestAborted);
            if (linked.Person is null)
            {
                context.HttpContext.Items[EntraFailureKey] = linked.Failure;
                context.Fail("Microsoft Entra ID sign-in refused: " + linked.Failure);
                return;
            }

            // The handler then signs in to the cookie scheme with this principal: the session exists first, as for every sign-in.
            context.Principal = await PortalSignIn.StartSessionAsync(context.HttpContext, linked.Person, "entra");
        };
        options.Events.OnRemoteFailure = context =>
        {
            // The sign-in page shows a fixed sentence for a code; Entra's own message goes to the log only.
            var code = context.HttpContext.Items[EntraFailureKey] as string ?? SignInMessages.EntraFailed;
            context.HttpContext.RequestServices.GetRequiredService<ILogger<AdminSignIn>>()
                .LogWarning(context.Failure, "Microsoft Entra ID sign-in failed ({Code}).", code);
            context.Response.Redirect(SignInMessages.SignInPath(code));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
