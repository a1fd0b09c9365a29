using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/seats</c>: the members page's seat counts (<see cref="SeatLedger"/>) and its Buy seats
/// (<see cref="SeatPurchase"/>, the billing stand-in) as the key's creator. As on the page, buying admits nobody by
/// itself: the people waiting take the new seats at the next Sync now.
/// </summary>
internal static class SeatEndpoints
{
    private const string Tag = "Seats";

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    public static RouteGroupBuilder MapSeatEndpoints(this RouteGroupBuilder api)
    {
        var seats = api.MapGroup("/organizations/{organizationId:guid}/seats").WithTags(Tag);
        seats.MapGet("", ListAsync)
            .WithName("ListSeats")
            .WithSummary("List an organization's seats")
            .WithDescription("Each seat pool as the members page shows it: the chat tiers (`Premium`, `Standard`), or a Console organization's one " +
                "untiered pool (`tier` null): seats bought, in use (active, sign-in blocked and invited members), free and waited for. One page " +
                "holds them all. The members page's permission applies.")
            .Produces<ApiList<ApiSeatUsage>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        seats.MapPut("/{tier}", BuyTierAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetPurchasedSeats")
            .WithSummary("Set the seats bought in a chat tier")
            .WithDescription("As the members page's Buy seats: `purchased` is the new total of the tier's seats, not the number to add. Never below " +
                "the seats in use (400 `SeatsInUse`). Nobody waiting is admitted by the purchase itself: run Sync now (`POST …/sync`) to admit " +
                "them, as the page offers. The organization's top role only. Answers the tier's seats. Needs a read-write key.")
            .Accepts<ApiSeatPurchaseRequest>("application/json")
            .Produces<ApiSeatUsage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        seats.MapPut("", BuyUntieredAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetPurchasedUntieredSeats")
            .WithSummary("Set the seats bought in a Console organization")
            .WithDescription("The same for a Console organization's seats, which have no tier (the page's \"Seats\"); a chat organization is told " +
                "to name the tier (400 `TierRequired`). Needs a read-write key.")
            .Accepts<ApiSeatPurchaseRequest>("application/json")
            .Produces<ApiSeatUsage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        SeatLedger ledger)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers) is (_, { } refused))
        {
            return refused;
        }

        var usage = await ledger.GetUsageAsync(organizationId, http.RequestAborted);
        return Results.Ok(new ApiList<ApiSeatUsage>([.. usage.Select(ApiSeatUsage.From)], null));
    }

    private static Task<IResult> BuyTierAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The chat seat tier: `Premium` or `Standard`.")] string tier, ApiSeatPurchaseRequest body, HttpContext http,
        OrganizationAccessService access, SeatPurchase purchase, SeatLedger ledger) =>
        ApiSettingsRequestReader.Name<SeatTier>(tier) is { } parsed
            ? BuyAsync(organizationId, parsed, body, http, access, purchase, ledger)
            : Task.FromResult(ApiMemberProblems.Invalid([ApiRefusal.Invalid("tier", "TierNotOneOf", "The tier is Premium or Standard.")]));

    private static Task<IResult> BuyUntieredAsync([Description(OrganizationIdText)] Guid organizationId, ApiSeatPurchaseRequest body, HttpContext http,
        OrganizationAccessService access, SeatPurchase purchase, SeatLedger ledger) =>
        BuyAsync(organizationId, null, body, http, access, purchase, ledger);

    private static async Task<IResult> BuyAsync(Guid organizationId, SeatTier? tier, ApiSeatPurchaseRequest body, HttpContext http,
        OrganizationAccessService access, SeatPurchase purchase, SeatLedger ledger)
    {
        if (body.Purchased is not { } purchased)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("purchased", "PurchasedRequired", "Send `purchased`: the new total of seats bought.")]);
        }

        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.BuySeats) is (_, { } refused))
        {
            return refused;
        }

        var errors = await purchase.SetPurchasedAsync(organizationId, tier, purchased, http.RequiredApiCaller().PersonId, http.RequestAborted);
        if (errors.Count > 0)
        {
            return ApiMemberProblems.Refused(errors);
        }

        var pool = (await ledger.GetUsageAsync(organizationId, http.RequestAborted)).Single(p => p.Tier == tier);
        return Results.Ok(ApiSeatUsage.From(pool));
    }
}
