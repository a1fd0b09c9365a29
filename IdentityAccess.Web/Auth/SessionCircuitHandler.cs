using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// Checks the session before the circuit acts on what the browser sent (a click, a navigation, a JS call). When the
/// session has ended the input is dropped, not handled: a page opened before "sign out everywhere" cannot remove a
/// member with its stale user. The page turns to the sign-in page as its authentication state becomes anonymous.
/// </summary>
internal sealed class SessionCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (authentication is not PortalAuthenticationStateProvider portal || await portal.AllowsActivityAsync(CancellationToken.None))
            {
                await next(context);
            }
        };
}
