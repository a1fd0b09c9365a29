using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Sso.GroupNames;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The groups a name-sending IdP named at sign-in, as the Identity and access page and the parent's page list them, and
/// their rename after one in the IdP, through <see cref="SignInGroupService"/> and its permissions (viewing: the page's;
/// renaming: parent admins). A rename reaches every organization mapping the group, so the parent's list and the rename
/// refuse a key limited to some organizations (403); an organization's list is that organization's.
/// </summary>
internal static class SignInGroupEndpoints
{
    private const string Tag = "Sign-in groups";

    private const string Reach = "groups seen at sign-in are mapped in every organization of the parent";

    public static RouteGroupBuilder MapSignInGroupEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{organizationId:guid}/sign-in-groups", ListAsync).WithTags(Tag)
            .WithName("ListOrganizationSignInGroups")
            .WithSummary("List the groups seen at sign-in, for an organization")
            .WithDescription("The groups the parent's IdP named at sign-in (an IdP that sends group names, without a SCIM directory), each with its " +
                "`key` (what mappings hold), its name now, when first and last seen, and the organizations mapping it; `resolvedInDirectory` once a " +
                "SCIM directory looks names up instead. Needs the Identity and access page's permission.")
            .Produces<ApiSignInGroups>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sign-in-groups", ListForParentAsync).WithTags(Tag)
            .WithName("ListSignInGroups")
            .WithSummary("List the groups seen at sign-in")
            .WithDescription("The same list for the parent's page (who may view the parent). A key limited to some organizations gets 403.")
            .Produces<ApiSignInGroups>();
        api.MapPut("/sign-in-groups/{key}", RenameAsync).RequireAuthorization(ApiCallers.WritePolicy).WithTags(Tag)
            .WithName("RenameSignInGroup")
            .WithSummary("Rename a group seen at sign-in")
            .WithDescription("Tells the portal a group was renamed in the IdP, as the parent's page does: the group keeps its key, so its mappings. " +
                "When people already signed in under the new name, that group is merged into this one, unless it is mapped somewhere (409 " +
                "`SignInGroupNameMapped`). A blank or too long `name` is 400 `SignInGroupNameInvalid`, an unknown key 404 `SignInGroupNotFound`. " +
                "Parent admins only; needs a read-write key without an organization limit.")
            .Accepts<ApiSignInGroupRenameRequest>("application/json")
            .Produces<ApiSignInGroup>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync([Description("The organization's id, as the organization list gives it.")] Guid organizationId,
        HttpContext http, OrganizationAccessService access, SignInGroupService groups)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused))
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        if (await groups.ListAsync(organizationId, caller.PersonId, http.RequestAborted) is not { } view)
        {
            return ApiRefusals.OrganizationNotFound();
        }

        // Which organizations map a group names the parent's organizations: a key limited to some sees only theirs,
        // as its organization list does.
        var shown = ApiSignInGroups.From(view);
        if (caller.OrganizationIds.Count == 0)
        {
            return Results.Ok(shown);
        }

        var reachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in caller.OrganizationIds)
        {
            if ((await access.CheckAsync(id, caller.PersonId, Permission.ViewOrganization, http.RequestAborted)).Organization is { } organization
                && organization.ParentId == caller.ParentId)
            {
                reachable.Add(organization.Name);
            }
        }

        return Results.Ok(shown with
        {
            Items = [.. shown.Items.Select(g => g with { MappedIn = [.. g.MappedIn.Where(reachable.Contains)] })],
        });
    }

    private static async Task<IResult> ListForParentAsync(HttpContext http, SignInGroupService groups)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        var caller = http.RequiredApiCaller();
        return await groups.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } view
            ? Results.Ok(ApiSignInGroups.From(view))
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> RenameAsync([Description("The group's `key`, as the list gives it (URL-encoded).")] string key,
        ApiSignInGroupRenameRequest body, HttpContext http, SignInGroupService groups)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        var caller = http.RequiredApiCaller();
        if (await groups.RenameAsync(caller.ParentId, key, body.Name ?? "", caller.PersonId, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        // Read back through the parent's list: the same view the page shows after a rename.
        var view = await groups.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted);
        return view?.Groups.FirstOrDefault(g => g.Key == key) is { } renamed ? Results.Ok(ApiSignInGroup.From(renamed)) : ApiParentResources.CreatorMayNotView();
    }
}
