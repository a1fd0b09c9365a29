using IdentityAccess.Core.People;
using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// Which language a request is answered in: the person's pick (the culture cookie, written when they pick and again at
/// each sign-in from what they picked before), else their browser's languages, else English. Protocol surfaces (SCIM,
/// SAML metadata, the API) build their text without these resources, so they stay in English whatever is chosen.
/// </summary>
internal static class PortalLocalization
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.English);
            options.SupportedCultures = [.. PortalCultures.Cultures];
            options.SupportedUICultures = [.. PortalCultures.Cultures];
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Writes the culture cookie that makes every later request (the circuit's included) speak the language. Its value
    /// is one of the supported names only: the cookie provider would ignore anything else anyway.
    /// </summary>
    public static void RememberInBrowser(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true, // the portal's own setting, needed to show the page in the language asked for
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
            });

    /// <summary>At sign-in: the language the person picked before, in this browser too.</summary>
    public static void RestoreFor(HttpContext http, Person person)
    {
        if (PortalCultures.IsSupported(person.PreferredLanguage))
        {
            RememberInBrowser(http, person.PreferredLanguage!);
        }
    }
}
