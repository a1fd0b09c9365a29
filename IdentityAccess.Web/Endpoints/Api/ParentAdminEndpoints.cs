using System.ComponentModel;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/parent/admins</c>: who governs the key's parent, as the parent page's "Parent admins" section lists,
/// grants and revokes the role, through the same service and permission (<see cref="ParentAdministration"/>: parent
/// admins only; the parent always keeps one). The role reaches every organization of the parent, so a key limited to
/// some organizations may not touch it (403).
/// </summary>
internal static class ParentAdminEndpoints
{
    private const string Tag = "Parent admins";

    public static RouteGroupBuilder MapParentAdminEndpoints(this RouteGroupBuilder api)
    {
        var admins = api.MapGroup("/parent/admins").WithTags(Tag);
        admins.MapGet("", ListAsync)
            .WithName("ListParentAdmins")
            .WithSummary("List the parent's admins")
            .WithDescription("The parent's admins: person id, name, email, when and by whom granted. A key limited to some organizations gets 403.")
            .Produces<ApiList<ApiParentAdmin>>();
        admins.MapPost("", GrantAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("GrantParentAdmin")
            .WithSummary("Make someone a parent admin")
            .WithDescription("Grants the role to an active member of one of the parent's organizations, by `email` (else 400 `NotAMemberUnderParent`; " +
                "409 `AlreadyParentAdmin`). Answers the new admin. Needs a read-write key.")
            .Accepts<ApiParentAdminRequest>("application/json")
            .Produces<ApiParentAdmin>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admins.MapDelete("/{personId:guid}", RevokeAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RevokeParentAdmin")
            .WithSummary("Revoke a parent admin")
            .WithDescription("Takes the role away, as the page does: never from the last admin (409 `LastParentAdmin`). The key's creator may revoke " +
                "themselves while another admin remains; their keys then answer 403, as every key of a creator who is no longer a parent admin.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ParentAdministration admins)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await admins.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } list
            ? Results.Ok(new ApiList<ApiParentAdmin>([.. list.Select(ApiParentAdmin.From)], null))
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> GrantAsync(ApiParentAdminRequest body, HttpContext http, ParentAdministration admins)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        if (await admins.GrantAsync(caller.ParentId, body.Email ?? "", caller.PersonId, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        var email = EmailAddress.Normalize(body.Email!);
        var granted = (await admins.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted))?.SingleOrDefault(a => EmailAddress.Normalize(a.Email) == email);
        return granted is null ? Results.StatusCode(StatusCodes.Status201Created) : Results.Json(ApiParentAdmin.From(granted), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync([Description("The admin's person id, as the admin list gives it.")] Guid personId, HttpContext http,
        ParentAdministration admins)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await admins.RevokeAsync(caller.ParentId, personId, caller.PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : Results.NoContent();
    }

    private static IResult? WholeParentRefused(HttpContext http) =>
        ApiParentResources.KeyLimitedRefusal(http, "the parent's admins govern every organization of the parent");
}
