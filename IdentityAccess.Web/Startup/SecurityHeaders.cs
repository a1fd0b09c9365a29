using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// The response headers that tell browsers how to treat the portal. Outside Development: HSTS (sent over HTTPS only,
/// see docs/deployment.md for running behind a proxy), and a Content-Security-Policy that Blazor Server and MudBlazor
/// work under. Everywhere: no MIME sniffing, and no address of ours in the Referer sent to other sites.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "ia.script-nonce";

    /// <summary>
    /// Scripts only from the portal itself (blazor.web.js, MudBlazor's script, the reconnect module) plus the one inline
    /// script Blazor writes, its import map, which carries this response's nonce; inline styles are allowed because
    /// MudBlazor writes them on its elements; the circuit's WebSocket is same-origin ('self' covers ws/wss of the page's
    /// own host in current browsers). Never framed (clickjacking), no plugins, no base-URI tricks, forms post here only.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The nonce of this response's policy, for the page's import map; null in Development (no policy there).</summary>
    public static string? ScriptNonce(HttpContext? http) => http?.Items[NonceKey] as string;

    public const string ReferrerPolicy = "same-origin";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(180));

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        var production = !environment.IsDevelopment();
        if (production)
        {
            app.UseHsts(); // only on HTTPS requests, and never for localhost
        }

        return app.Use((http, next) =>
        {
            var nonce = production ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) : null;
            http.Items[NonceKey] = nonce;
            // At the start of the response, so an error page re-executed after the headers were cleared still gets them,
            // and the policy replaces any partial one set on the way.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                if (production)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce!);
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>
    /// Blazor appends its own <c>frame-ancestors 'self'</c> policy to component pages (its guard for compressed
    /// WebSockets). Outside Development the full policy above says <c>'none'</c> on every response, so Blazor's is off
    /// there; in Development it stays.
    /// </summary>
    public static void ConfigureFrameAncestors(ServerComponentsEndpointOptions options, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            options.ContentSecurityFrameAncestorsPolicy = null;
        }
    }
}
