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
            ScimReadNotes.ListedGroups(query.Filter, page.Count, total);
            return ScimResponses.ListResponse([.. page.Select(selection.Apply)], total, start);
        });
        scim.MapGet("/Groups/{id}", async (HttpContext http, ScimGroupService groups, string id, string? attributes, string? excludedAttributes) =>
        {
            var selection = ScimAttributeSelection.Parse(attributes, excludedAttributes, ScimSchemas.Group);
            var group = await groups.GetAsync(http.ParentId(), ScimRequest.ResourceId(id), selection.Returns("members"), http.Request.BaseUrl(), http.RequestAborted);
            ScimReadNotes.ReadGroup(group["displayName"]?.GetValue<string>());
            return ScimVersionHeaders.Resource(http, group, selection);
        });
        return scim;
    }
}
