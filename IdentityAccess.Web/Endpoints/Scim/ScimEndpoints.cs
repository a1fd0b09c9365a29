using IdentityAccess.Core.Scim;
using IdentityAccess.Web.Endpoints.Scim.Bulk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>The SCIM 2.0 service provider at /scim/v2: one directory per parent organization, chosen by the token.</summary>
internal static class ScimEndpoints
{
    /// <summary>Far above what an IdP sends in one request (a 10,000-member group PATCH is about 600 KB).</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        var bulk = app.ServiceProvider.GetRequiredService<IOptions<ScimBulkOptions>>().Value;
        // Around every endpoint, ASP.NET Core's own steps: UseScim (the provisioning log, the SCIM error format), the
        // ScimBearer scheme through this policy (401, 403), the per-directory rate-limiter policy (429).
        var scim = app.MapGroup(ScimRequest.BasePath).RequireAuthorization(ScimBearerHandler.PolicyName).RequireRateLimiting(ScimRateLimitPolicy.Name)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).DisableAntiforgery();

        // Discovery is never throttled: Entra reads /Schemas whenever its provisioning page is saved or opened.
        scim.MapGet("/ServiceProviderConfig", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ServiceProviderConfig(r.BaseUrl(), bulk))).DisableRateLimiting();
        scim.MapGet("/ResourceTypes", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.ResourceTypes(r.BaseUrl()))).DisableRateLimiting();
        scim.MapGet("/ResourceTypes/{id}", (HttpRequest r, string id) => ScimResponses.Json(ScimDiscovery.ResourceType(r.BaseUrl(), id))).DisableRateLimiting();
        scim.MapGet("/Schemas", (HttpRequest r) => ScimResponses.Json(ScimDiscovery.Schemas(r.BaseUrl()))).DisableRateLimiting();
        scim.MapGet("/Schemas/{id}", (HttpRequest r, string id) => ScimResponses.Json(ScimDiscovery.Schema(r.BaseUrl(), id))).DisableRateLimiting();

        scim.MapGet("/Users", async (HttpContext http, ScimUserService users, string? filter, string? startIndex, string? count, string? sortBy,
            string? sortOrder, string? attributes, string? excludedAttributes) =>
        {
            var (start, size) = ScimRequest.Paging(startIndex, count);
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var query = new ScimListQuery(ScimFilter.Parse(filter), sortBy, ScimListQuery.IsDescending(sortOrder), start, size);
            var (page, total) = await users.ListAsync(http.ParentId(), query, http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.ListedUsers(query.Filter, page.Count, total);
            return ScimResponses.ListResponse([.. page.Select(selection.Apply)], total, start);
        });
        scim.MapGet("/Users/{id}", async (HttpContext http, ScimUserService users, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.User);
            var user = await users.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.ReadUser(user["userName"]?.GetValue<string>());
            return ScimVersionHeaders.Resource(http, user, selection);
        });
        scim.MapWriteResources();
        scim.MapGroupResources();

        scim.MapBulk(bulk);

        // Anything else under /scim/v2 finds no endpoint (404) or not this method (405, with Allow): ScimErrorMiddleware
        // gives those their SCIM body. No catch-all route here: MapFallback's pattern refuses a last segment with a dot.
        return app;
    }
}
