using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>The SCIM 2.0 service provider at /scim/v2: one directory per parent organization, chosen by the token.</summary>
internal static class ScimEndpoints
{
    /// <summary>Far above what an IdP sends in one request (a 10,000-member group PATCH is about 600 KB).</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2").AddEndpointFilter<ScimAuthenticationFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery();

        scim.MapGet("/ServiceProviderConfig", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ServiceProviderConfig(r.BaseUrl())));
        scim.MapGet("/ResourceTypes", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ResourceTypes(r.BaseUrl())));
        scim.MapGet("/Schemas", () => ScimResponses.Json(ScimDiscovery.Schemas()));

        scim.MapGet("/Users", async (HttpContext http, ScimUserService users, string? filter, string? startIndex, string? count) =>
        {
            var (start, size) = ScimRequest.Paging(startIndex, count);
            var (page, total) = await users.ListAsync(http.ParentId(), ScimFilter.Parse(filter), start, size, http.Request.BaseUrl(), http.RequestAborted);
            return ScimResponses.ListResponse(page, total, start);
        });
        scim.MapPost("/Users", async (HttpContext http, ScimUserService users) =>
        {
            var created = await users.CreateAsync(http.ParentId(), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted);
            http.Response.Headers.Location = created["meta"]!["location"]!.GetValue<string>();
            return ScimResponses.Json(created, StatusCodes.Status201Created);
        });
        scim.MapGet("/Users/{id}", async (HttpContext http, ScimUserService users, string id) =>
            ScimResponses.Json(await users.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), http.Request.BaseUrl(), http.RequestAborted)));
        scim.MapPut("/Users/{id}", async (HttpContext http, ScimUserService users, string id) =>
            ScimResponses.Json(await users.ReplaceAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted)));
        scim.MapPatch("/Users/{id}", async (HttpContext http, ScimUserService users, string id) =>
            ScimResponses.Json(await users.PatchAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted)));
        scim.MapDelete("/Users/{id}", async (HttpContext http, ScimUserService users, string id) =>
        {
            await users.DeleteAsync(http.ParentId(), ScimRequest.ResourceId(id), http.RequestAborted);
            return Results.NoContent();
        });

        scim.MapGroupResources();

        // Anything else under /scim/v2 is a SCIM 404, never the portal's HTML page.
        scim.MapFallback(() => ScimResponses.Error(StatusCodes.Status404NotFound, null, "No such SCIM endpoint."));
        return app;
    }
}
