using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>The SCIM 2.0 service provider at /scim/v2: one directory per parent organization, chosen by the token.</summary>
internal static class ScimEndpoints
{
    /// <summary>Far above what an IdP sends in one request (a 10,000-member group PATCH is about 600 KB).</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        // Filters run in this order: log (outermost, sees every answer), authenticate, throttle per directory.
        var scim = app.MapGroup("/scim/v2").AddEndpointFilter<ScimLogFilter>().AddEndpointFilter<ScimAuthenticationFilter>()
            .AddEndpointFilter<ScimRateLimitFilter>().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery();

        // Discovery is never throttled: Entra reads /Schemas whenever its provisioning page is saved or opened.
        scim.MapGet("/ServiceProviderConfig", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ServiceProviderConfig(r.BaseUrl()))).DisableRateLimiting();
        scim.MapGet("/ResourceTypes", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ResourceTypes(r.BaseUrl()))).DisableRateLimiting();
        scim.MapGet("/Schemas", () => ScimResponses.Json(ScimDiscovery.Schemas())).DisableRateLimiting();

        scim.MapGet("/Users", async (HttpContext http, ScimUserService users, string? filter, string? startIndex, string? count, string? sortBy,
            string? sortOrder, string? attributes, string? excludedAttributes) =>
        {
            var (start, size) = ScimRequest.Paging(startIndex, count);
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var query = new ScimListQuery(ScimFilter.Parse(filter), sortBy, ScimListQuery.IsDescending(sortOrder), start, size);
            var (page, total) = await users.ListAsync(http.ParentId(), query, http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Listed("user", query.Filter, page.Count, total);
            return ScimResponses.ListResponse([.. page.Select(selection.Apply)], total, start);
        });
        scim.MapPost("/Users", async (HttpContext http, ScimUserService users, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var created = await users.CreateAsync(http.ParentId(), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted);
            http.Response.Headers.Location = created["meta"]!["location"]!.GetValue<string>();
            return ScimVersionHeaders.Resource(http, created, selection, StatusCodes.Status201Created);
        });
        scim.MapGet("/Users/{id}", async (HttpContext http, ScimUserService users, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var user = await users.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Read("user", user["userName"]?.GetValue<string>());
            return ScimVersionHeaders.Resource(http, user, selection);
        });
        scim.MapPut("/Users/{id}", async (HttpContext http, ScimUserService users, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var replaced = await users.ReplaceAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(),
                http.Request.IfMatch(), http.RequestAborted);
            return ScimVersionHeaders.Resource(http, replaced, selection);
        });
        scim.MapPatch("/Users/{id}", async (HttpContext http, ScimUserService users, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var patched = await users.PatchAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(),
                http.Request.IfMatch(), http.RequestAborted);
            return ScimVersionHeaders.Resource(http, patched, selection);
        });
        scim.MapDelete("/Users/{id}", async (HttpContext http, ScimUserService users, string id) =>
        {
            await users.DeleteAsync(http.ParentId(), ScimRequest.ResourceId(id), http.Request.IfMatch(), http.RequestAborted);
            return Results.NoContent();
        });

        scim.MapGroupResources();

        // Anything else under /scim/v2 is a SCIM 404, never the portal's HTML page.
        scim.MapFallback(() => ScimResponses.Error(StatusCodes.Status404NotFound, null, "No such SCIM endpoint."));
        return app;
    }
}
