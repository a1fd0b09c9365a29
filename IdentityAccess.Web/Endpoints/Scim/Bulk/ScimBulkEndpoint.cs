using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.Scim.Bulk;

internal static class ScimBulkEndpoint
{
    /// <summary>POST /Bulk, its body limited to maxPayloadSize (Kestrel refuses more while reading: 413).</summary>
    public static RouteGroupBuilder MapBulk(this RouteGroupBuilder scim, ScimBulkOptions options)
    {
        scim.MapPost("/Bulk", (HttpContext http, ScimBulkProcessor bulk) => bulk.RunAsync(http))
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxPayloadSize));
        return scim;
    }
}
