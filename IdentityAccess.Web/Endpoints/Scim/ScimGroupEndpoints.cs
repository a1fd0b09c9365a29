using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimGroupEndpoints
{
    public static RouteGroupBuilder MapGroupResources(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", async (HttpContext http, ScimGroupService groups, string? filter, string? startIndex, string? count, string? attributes,
            string? excludedAttributes) =>
        {
            var (start, size) = ScimRequest.Paging(startIndex, count);
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var parsed = ScimFilter.Parse(filter);
            // Members are not even read when they are not returned (Entra: excludedAttributes=members on every lookup).
            var (page, total) = await groups.ListAsync(http.ParentId(), parsed, start, size, selection.Returns("members"),
                http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Listed("group", parsed, page.Count, total);
            return ScimResponses.ListResponse([.. page.Select(selection.Apply)], total, start);
        });
        scim.MapPost("/Groups", async (HttpContext http, ScimGroupService groups) =>
        {
            var created = await groups.CreateAsync(http.ParentId(), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted);
            http.Response.Headers.Location = created["meta"]!["location"]!.GetValue<string>();
            return ScimResponses.Json(created, StatusCodes.Status201Created);
        });
        scim.MapGet("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var group = await groups.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), selection.Returns("members"), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Read("group", group["displayName"]?.GetValue<string>());
            return ScimResponses.Json(selection.Apply(group));
        });
        scim.MapPut("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id) =>
            ScimResponses.Json(await groups.ReplaceAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted)));
        scim.MapPatch("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id) =>
        {
            // 204: Entra and Okta need no members dump back, and a 10,000-member group would make a large one.
            await groups.PatchAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted);
            return Results.NoContent();
        });
        scim.MapDelete("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id) =>
        {
            await groups.DeleteAsync(http.ParentId(), ScimRequest.ResourceId(id), http.RequestAborted);
            return Results.NoContent();
        });
        return scim;
    }
}
