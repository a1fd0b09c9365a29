using IdentityAccess.Core.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdentityAccess.Web.Components.DevMailbox;

/// <summary>
/// <c>/dev/mailbox</c>: every message in the outbox, sign-in links included, so the demo's invitations and email
/// sign-ins can be followed without a mail server. Mapped in Development only: anywhere else the route does not exist
/// (a test proves it), since the page would hand anyone the links that sign people in.
/// </summary>
internal static class DevMailboxEndpoints
{
    public const string Path = "/dev/mailbox";

    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            app.MapGet(Path, ShowAsync).AllowAnonymous();
        }

        return app;
    }

    private static async Task<RazorComponentResult<DevMailboxPage>> ShowAsync(HttpContext http, OutboxReader outbox)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<DevMailboxPage>(new { Messages = await outbox.ListAsync(take: 100, cancellationToken: http.RequestAborted) });
    }
}
