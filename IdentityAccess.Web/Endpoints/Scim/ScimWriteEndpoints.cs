using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// POST, PUT, PATCH and DELETE on Users and Groups: each request is parsed into a <see cref="ScimWrite"/>, applied by
/// the <see cref="ScimWriteDispatcher"/> that /Bulk operations go through too, and answered. Authentication (the
/// directory is the token's), the rate limit, the error format and the provisioning log wrap it (see ScimEndpoints).
/// </summary>
internal static class ScimWriteEndpoints
{
    public static RouteGroupBuilder MapWriteResources(this RouteGroupBuilder scim)
    {
        foreach (var kind in Enum.GetValues<ScimResourceKind>())
        {
            var endpoint = ScimWrite.Endpoint(kind);
            scim.MapPost(endpoint, (HttpContext http, ScimWriteDispatcher writes) => RespondAsync(http, writes, kind, null));
            scim.MapPut(endpoint + "/{id}", (HttpContext http, ScimWriteDispatcher writes, string id) => RespondAsync(http, writes, kind, id));
            scim.MapPatch(endpoint + "/{id}", (HttpContext http, ScimWriteDispatcher writes, string id) => RespondAsync(http, writes, kind, id));
            scim.MapDelete(endpoint + "/{id}", (HttpContext http, ScimWriteDispatcher writes, string id) => RespondAsync(http, writes, kind, id));
        }

        return scim;
    }

    private static async Task<IResult> RespondAsync(HttpContext http, ScimWriteDispatcher writes, ScimResourceKind kind, string? id)
    {
        // Parse: the id first (an unknown one is 404 whatever the body), then the body of the methods that carry one.
        var resourceId = id is null ? (Guid?)null : ScimRequest.ResourceId(id);
        var data = HttpMethods.IsDelete(http.Request.Method) ? null : await http.Request.ReadObjectAsync();
        var ifMatch = http.Request.IfMatch();
        var write = new ScimWrite(http.Request.Method, kind, resourceId, data, ifMatch);

        var result = await writes.ApplyAsync(http.ParentId(), write, http.Request.BaseUrl(), http.RequestAborted);

        if (result.Status == StatusCodes.Status201Created && result.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        if (result.Version is { } version)
        {
            http.Response.Headers.ETag = version;
        }

        // RFC 7644 §3.9: attributes and excludedAttributes shape the resource a write returns too.
        var query = http.Request.Query;
        var asked = query.ContainsKey("attributes") || query.ContainsKey("excludedAttributes");
        if (result.Resource is null || (result.Status == StatusCodes.Status204NoContent && !asked))
        {
            return Results.NoContent();
        }

        // A Group PATCH answers 204 (Entra and Okta need no members dump back); asked for attributes, it answers the group.
        var status = result.Status == StatusCodes.Status204NoContent ? StatusCodes.Status200OK : result.Status;
        var selection = ScimAttributeSelection.Parse(query["attributes"], query["excludedAttributes"], kind == ScimResourceKind.User ? ScimSchemas.User : ScimSchemas.Group);
        var resource = result.Resource;
        if (kind == ScimResourceKind.Group && resource["id"]?.GetValue<string>() is { } groupId && selection.Returns("members"))
        {
            // A written group is rendered without its members; asked for them, the client gets them as they now are.
            resource = await http.RequestServices.GetRequiredService<ScimGroupService>().GetAsync(http.ParentId(), Guid.Parse(groupId), withMembers: true,
                http.Request.BaseUrl(), http.RequestAborted);
        }

        return ScimVersionHeaders.Resource(http, resource, selection, status);
    }
}
