using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/pending-seats</c>: the seat queue and the seat counts the members page shows, through
/// its own queries (<see cref="SeatQueueService"/>, <see cref="SeatLedger"/>) and its permission (managing members).
/// </summary>
internal static class PendingSeatEndpoints
{
    private const string Tag = "Seats";

    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapPendingSeatEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{organizationId:guid}/pending-seats", GetAsync)
            .WithName("ListPendingSeats").WithTags(Tag)
            .WithSummary("List who waits for a seat")
            .WithDescription("One page of the organization's seat queue, in the order Sync now admits people when seats free up (first waiting, " +
                "first admitted): person id, email, name, the tier waited for and since when; `total` counts everyone waiting. `seats` gives each " +
                "tier's seats bought, in use, free and waited for. The members page's permission applies, as the key's creator.")
            .Produces<ApiSeatQueue>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync([Description("The organization's id, as the organization list gives it.")] Guid organizationId,
        [Description("The `nextCursor` of the previous page, as it was given; none for the first page.")] string? cursor,
        [Description("How many people a page holds, 50 when not given.")][Range(1, MaxLimit)] int? limit,
        HttpContext http, OrganizationAccessService access, SeatQueueService queue, SeatLedger seats)
    {
        if (ApiCursor.Decode(cursor) is not { } skip)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("cursor", "InvalidCursor", "The cursor is not one this API returned; start again without it.")]);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("limit", "OutOfRange", $"The limit is from 1 to {MaxLimit}.")]);
        }

        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var take = limit ?? 50;
        var page = await queue.GetAsync(organizationId, http.RequiredApiCaller().PersonId, take, skip, http.RequestAborted);
        if (page is null)
        {
            return ApiRefusals.OrganizationNotFound(); // no longer allowed since the check above
        }

        var next = skip + page.Waiting.Count < page.Total && page.Waiting.Count > 0 ? ApiCursor.Encode(skip + page.Waiting.Count) : null;
        return Results.Ok(ApiSeatQueue.From(page, next, await seats.GetUsageAsync(organizationId, http.RequestAborted)));
    }
}
