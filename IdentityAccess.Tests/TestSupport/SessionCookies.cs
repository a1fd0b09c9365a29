using IdentityAccess.Core.Sessions;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A signed-in browser without an IdP, for environments that have none to offer (Production has no demo IdP): a real
/// server-side session and the cookie the app itself would write for it, protected with the app's own keys.
/// </summary>
public static class SessionCookies
{
    public const string Name = "ia.session";

    public static async Task<(PortalSession Session, string Value)> CreateAsync(IServiceProvider services, Guid personId)
    {
        var session = await services.GetRequiredService<PortalSessionService>().CreateAsync(personId, "test", "Playwright");
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(PortalPrincipal.ForCookie(session),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan }, CookieAuthenticationDefaults.AuthenticationScheme);
        return (session, options.TicketDataFormat.Protect(ticket));
    }
}
