using System.Security.Claims;
using IdentityAccess.Core.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// A live page (Blazor circuit) keeps the user it started with; this re-checks that user's server-side session every
/// 30 seconds, and on the next click when the last check is a few seconds old (<see cref="SessionCircuitHandler"/>).
/// A session that has ended makes the page anonymous: the router then shows the sign-in page, and the circuit takes
/// no further input from that page.
/// </summary>
internal sealed class PortalAuthenticationStateProvider(ILoggerFactory loggerFactory, PortalSessionService sessions, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>A click re-checks the session when the last check is older than this: a page's bursts cost one read.</summary>
    public static readonly TimeSpan ActivityCheckInterval = TimeSpan.FromSeconds(2);

    private long _lastCheck = time.GetTimestamp();
    private volatile bool _ended;

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    /// <summary>False once this circuit's session has ended (found by either check); nothing it sends is acted on then.</summary>
    public async Task<bool> AllowsActivityAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        if (time.GetElapsedTime(Interlocked.Read(ref _lastCheck)) < ActivityCheckInterval)
        {
            return true;
        }

        Interlocked.Exchange(ref _lastCheck, time.GetTimestamp());
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true || await IsCurrentAsync(state.User, cancellationToken))
        {
            return true; // an anonymous page (the sign-in page) has no session to lose
        }

        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        return false;
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState.User, cancellationToken);

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = user.GetSessionId() is { } session && user.GetPersonId() is { } person
            && await sessions.ValidateAsync(session, person, cancellationToken) is not null;
        if (!current)
        {
            _ended = true;
        }

        return current;
    }
}
