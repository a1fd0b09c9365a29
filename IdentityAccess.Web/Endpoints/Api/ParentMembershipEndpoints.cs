using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/parent-membership</c>: an organization's side of its parent, as the "Parent
/// organization" section of its Identity and access page shows it to its top role, through the same service and
/// permission (<see cref="ParentMembership"/>: the organization's Owner, Console: Admin; a parent admin alone is not
/// enough). Leaving moves the organization to a parent of its own: the key's parent no longer reaches it.
/// </summary>
internal static class ParentMembershipEndpoints
{
    private const string Tag = "Parent membership";

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    public static RouteGroupBuilder MapParentMembershipEndpoints(this RouteGroupBuilder api)
    {
        var membership = api.MapGroup("/organizations/{organizationId:guid}/parent-membership").WithTags(Tag);
        membership.MapGet("", GetAsync)
            .WithName("GetParentMembership")
            .WithSummary("Get an organization's standing with its parent")
            .WithDescription("Its parent, whether it may ask to join another parent (a Console organization with a parent of its own) or leave " +
                "(it is not its parent's only organization), and its pending request. The organization's top role only.")
            .Produces<ApiParentMembership>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        membership.MapPost("/join-request", RequestToJoinAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RequestToJoinParent")
            .WithSummary("Ask to join another parent")
            .WithDescription("A standalone Console organization asks to join the parent `parentId`, whose admins decide. 409 " +
                "`NotAStandaloneConsoleOrganization`, `AlreadyInThatParent`, `JoinRequestAlreadyPending`; 404 `ParentNotFound`; 400 " +
                "`PlanCannotJoinParent`. Answers the pending request.")
            .Accepts<ApiJoinRequestRequest>("application/json")
            .Produces<ApiJoinRequest>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        membership.MapDelete("/join-request", WithdrawAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("WithdrawJoinRequest")
            .WithSummary("Withdraw the request to join")
            .WithDescription("404 `JoinRequestNotFound` when none is pending (decided meanwhile).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        membership.MapPost("/leave", LeaveAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("LeaveParent")
            .WithSummary("Leave the parent")
            .WithDescription("The organization gets a parent of its own, administered by the key's creator, and keeps its members as hand-managed " +
                "ones; from then on this key (its old parent's) answers 404 for it. 409 `OnlyOrganizationOfParent` for a parent's only organization. " +
                "Answers its new standing.")
            .Produces<ApiParentMembership>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        ParentMembership membership)
    {
        if (await ReachAsync(organizationId, http, access) is { } refused)
        {
            return refused;
        }

        return await membership.GetAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted) is { } view
            ? Results.Ok(ApiParentMembership.From(view))
            : ApiRefusals.OrganizationNotFound();
    }

    private static async Task<IResult> RequestToJoinAsync([Description(OrganizationIdText)] Guid organizationId, ApiJoinRequestRequest body, HttpContext http,
        OrganizationAccessService access, ParentMembership membership)
    {
        if (await MoveReachAsync(organizationId, http, access) is { } refused)
        {
            return refused;
        }

        if (body.ParentId is not { } parentId)
        {
            return ApiRefusals.Problem(new ValidationFailed("parentId", ValidationRule.ParentIdRequired));
        }

        var personId = http.RequiredApiCaller().PersonId;
        if (await membership.RequestToJoinAsync(organizationId, parentId, personId, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        var pending = (await membership.GetAsync(organizationId, personId, http.RequestAborted))?.PendingRequest;
        return pending is null ? Results.StatusCode(StatusCodes.Status201Created) : Results.Json(ApiJoinRequest.From(pending), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> WithdrawAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        ParentMembership membership)
    {
        if (await MoveReachAsync(organizationId, http, access) is { } refused)
        {
            return refused;
        }

        return await membership.WithdrawAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : Results.NoContent();
    }

    private static async Task<IResult> LeaveAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        ParentMembership membership)
    {
        if (await MoveReachAsync(organizationId, http, access) is { } refused)
        {
            return refused;
        }

        var personId = http.RequiredApiCaller().PersonId;
        if (await membership.LeaveAsync(organizationId, personId, http.RequestAborted) is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        // Read as its top role, not through this key: the organization is no longer its parent's.
        return await membership.GetAsync(organizationId, personId, http.RequestAborted) is { } view ? Results.Ok(ApiParentMembership.From(view)) : Results.NoContent();
    }

    private static async Task<IResult?> ReachAsync(Guid organizationId, HttpContext http, OrganizationAccessService access) =>
        (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ChangeParentMembership)).Refused;

    // Moving an organization changes which organizations the parent holds, which is the whole parent's, as deciding a
    // join request is: a key limited to some organizations may read where it stands, not move it.
    private static async Task<IResult?> MoveReachAsync(Guid organizationId, HttpContext http, OrganizationAccessService access) =>
        await ReachAsync(organizationId, http, access)
        ?? ApiParentResources.KeyLimitedRefusal(http, "which organizations the parent holds is the whole parent's");
}
