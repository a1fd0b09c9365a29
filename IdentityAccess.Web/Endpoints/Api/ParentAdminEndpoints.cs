using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>GET /api/v1/parent/admins</c>: who governs the key's parent, as the parent page's "Parent admins" section lists
/// them, through the same service and permission (<see cref="ParentAdministration"/>: parent admins only). The role
/// reaches every organization of the parent, so a key limited to some organizations may not see it (403).
/// </summary>
/// <remarks>
/// Granting and revoking the role stay in the portal, as creating a key does: a parent admin can make keys, so a leaked
/// key that could grant the role (to someone it had just invited) could mint keys that outlive its revocation, and one
/// that could revoke it could remove every other admin and keep the parent.
/// </remarks>
internal static class ParentAdminEndpoints
{
    public static RouteGroupBuilder MapParentAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/parent/admins", ListAsync)
            .WithName("ListParentAdmins").WithTags("Parent admins")
            .WithSummary("List the parent's admins")
            .WithDescription("The parent's admins: person id, name, email, when and by whom granted. Granting and revoking the role are done in " +
                "the portal only (a key must not be able to make admins, who make keys). A key limited to some organizations gets 403.")
            .Produces<ApiList<ApiParentAdmin>>();
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ParentAdministration admins)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, "the parent's admins govern every organization of the parent") is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await admins.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } list
            ? Results.Ok(new ApiList<ApiParentAdmin>([.. list.Select(ApiParentAdmin.From)], null))
            : ApiParentResources.CreatorMayNotView();
    }
}
