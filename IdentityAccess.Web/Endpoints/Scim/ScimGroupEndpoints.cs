using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimGroupEndpoints
{
    public static RouteGroupBuilder MapGroupResources(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", async (HttpContext http, ScimGroupService groups, string? filter, string? startIndex, string? count, string? sortBy,
            string? sortOrder, string? attributes, string? excludedAttributes) =>
        {
            var (start, size) = ScimRequest.Paging(startIndex, count);
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var query = new ScimListQuery(ScimFilter.Parse(filter), sortBy, ScimListQuery.IsDescending(sortOrder), start, size);
            // Members are not even read when they are not returned (Entra: excludedAttributes=members on every lookup).
            var (page, total) = await groups.ListAsync(http.ParentId(), query, selection.Returns("members"), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Listed("group", query.Filter, page.Count, total);
            return ScimResponses.ListResponse([.. page.Select(selection.Apply)], total, start);
        });
        scim.MapPost("/Groups", async (HttpContext http, ScimGroupService groups, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var created = await groups.CreateAsync(http.ParentId(), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(), http.RequestAborted);
            http.Response.Headers.Location = created["meta"]!["location"]!.GetValue<string>();
            return ScimVersionHeaders.Resource(http, created, selection, StatusCodes.Status201Created);
        });
        scim.MapGet("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var group = await groups.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), selection.Returns("members"), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.Read("group", group["displayName"]?.GetValue<string>());
            return ScimVersionHeaders.Resource(http, group, selection);
        });
        scim.MapPut("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var replaced = await groups.ReplaceAsync(http.ParentId(), ScimRequest.ResourceId(id), await http.Request.ReadObjectAsync(), http.Request.BaseUrl(),
                http.Request.IfMatch(), http.RequestAborted);
            return ScimVersionHeaders.Resource(http, replaced, selection);
        });
        scim.MapPatch("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id, string? attributes, string? excludedAttributes) =>
        {
            var groupId = ScimRequest.ResourceId(id);
            var patched = await groups.PatchAsync(http.ParentId(), groupId, await http.Request.ReadObjectAsync(), http.Request.BaseUrl(),
                http.Request.IfMatch(), http.RequestAborted);
            http.Response.Headers.ETag = patched["meta"]?["version"]?.GetValue<string>();
            if (attributes is null && excludedAttributes is null)
            {
                // 204: Entra and Okta need no members dump back, and a 10,000-member group would make a large one.
                return Results.NoContent();
            }

            // RFC 7644 §3.5.2: asked for attributes, the client gets the resource with them.
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            return ScimVersionHeaders.Resource(http, await groups.GetAsync(http.ParentId(), groupId, selection.Returns("members"), http.Request.BaseUrl(),
                http.RequestAborted), selection);
        });
        scim.MapDelete("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id) =>
        {
            await groups.DeleteAsync(http.ParentId(), ScimRequest.ResourceId(id), http.Request.IfMatch(), http.RequestAborted);
            return Results.NoContent();
        });
        return scim;
    }
}
