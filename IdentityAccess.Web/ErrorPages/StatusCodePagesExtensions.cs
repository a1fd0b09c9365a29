using Microsoft.AspNetCore.Diagnostics;

namespace IdentityAccess.Web.ErrorPages;

internal static class StatusCodePagesExtensions
{
    /// <summary>
    /// Only page requests (GET) get the readable status page. Re-executing a POST would run the page's antiforgery
    /// check and turn a 404 into a 400; API and protocol clients want the bare status anyway.
    /// </summary>
    public static IApplicationBuilder UseStatusCodePagesForPageRequestsOnly(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(http);
        });
}
