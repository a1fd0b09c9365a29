using System.ComponentModel;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/parent/join-requests</c>: the parent's side of a join request, as the parent page's "Requests to join"
/// section lists, approves and declines them, through the same service and permission (<see cref="JoinRequestReview"/>:
/// parent admins only). Which organizations the parent holds is the whole parent's business, so a key limited to some
/// organizations gets 403.
/// </summary>
internal static class JoinRequestEndpoints
{
    private const string Tag = "Join requests";

    private const string RequestIdText = "The request's id, as the list of pending requests gives it.";

    public static RouteGroupBuilder MapJoinRequestEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/parent/join-requests").WithTags(Tag);
        requests.MapGet("", ListAsync)
            .WithName("ListJoinRequests")
            .WithSummary("List the requests to join the parent")
            .WithDescription("Pending requests of standalone Console organizations to join the key's parent, oldest first: the organization, its plan " +
                "and active members, who asked and when.")
            .Produces<ApiList<ApiJoinRequest>>();
        requests.MapPost("/{requestId:guid}/approve", ApproveAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ApproveJoinRequest")
            .WithSummary("Approve a request to join")
            .WithDescription("The organization moves under the parent, as the page's Approve: what its old parent's IdP managed becomes hand-managed " +
                "and its old parent, left empty, is deleted. 404 `JoinRequestNotFound` for a request decided, withdrawn or made to another parent; " +
                "400 `PlanCannotJoinParent` when the parent's plan changed meanwhile. Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{requestId:guid}/decline", DeclineAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("DeclineJoinRequest")
            .WithSummary("Decline a request to join")
            .WithDescription("The organization stays where it is and may ask again. Same 404 as approve. Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, JoinRequestReview review)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await review.ListPendingAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } pending
            ? Results.Ok(new ApiList<ApiJoinRequest>([.. pending.Select(ApiJoinRequest.From)], null))
            : ApiParentResources.CreatorMayNotView();
    }

    private static Task<IResult> ApproveAsync([Description(RequestIdText)] Guid requestId, HttpContext http, JoinRequestReview review) =>
        DecideAsync(http, caller => review.ApproveAsync(caller.ParentId, requestId, caller.PersonId, http.RequestAborted));

    private static Task<IResult> DeclineAsync([Description(RequestIdText)] Guid requestId, HttpContext http, JoinRequestReview review) =>
        DecideAsync(http, caller => review.DeclineAsync(caller.ParentId, requestId, caller.PersonId, http.RequestAborted));

    private static async Task<IResult> DecideAsync(HttpContext http, Func<ApiKeyCaller, Task<Error?>> decide)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        return await decide(http.RequiredApiCaller()) is { } error ? ApiRefusals.Problem(error) : Results.NoContent();
    }

    private static IResult? WholeParentRefused(HttpContext http) =>
        ApiParentResources.KeyLimitedRefusal(http, "which organizations the parent holds is the whole parent's");
}
