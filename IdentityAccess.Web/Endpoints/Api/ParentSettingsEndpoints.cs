using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/parent</c>: the key's parent as the parent page shows it, its plan (the page's billing stand-in,
/// <see cref="ParentPlanChange"/>) and its removal grace period (<see cref="RemovalGraceSettingsService"/>), through the
/// same services and permissions. All of it is the whole parent's, so a key limited to some organizations gets 403.
/// </summary>
internal static class ParentSettingsEndpoints
{
    private const string Tag = "Parent organization";

    public static RouteGroupBuilder MapParentSettingsEndpoints(this RouteGroupBuilder api)
    {
        var parent = api.MapGroup("/parent").WithTags(Tag);
        parent.MapGet("", GetAsync)
            .WithName("GetParent")
            .WithSummary("Get the key's parent organization")
            .WithDescription("Its name, plan, number of organizations and the setup checklist of the parent page.")
            .Produces<ApiParent>();
        parent.MapPut("/plan", ChangePlanAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ChangeParentPlan")
            .WithSummary("Change the parent's plan")
            .WithDescription("The parent page's billing stand-in: a chat parent switches between `Enterprise` and `Team`, and its chat organizations' plans " +
                "follow (Console organizations stay Console; modes stay as they are, a directory-sync organization on Team is shown paused). " +
                "400 `ParentPlanRequired` for another plan, 400 `ParentPlanFixed` for a Console organization's own parent. Answers the parent.")
            .Accepts<ApiParentPlanRequest>("application/json")
            .Produces<ApiParent>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        parent.MapGet("/removal-grace-period", GetGraceAsync)
            .WithName("GetRemovalGracePeriod")
            .WithSummary("Get the removal grace period")
            .WithDescription("How many days a user the IdP deactivated keeps their memberships before they are removed.")
            .Produces<ApiRemovalGracePeriod>();
        parent.MapPut("/removal-grace-period", SetGraceAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetRemovalGracePeriod")
            .WithSummary("Set the removal grace period")
            .WithDescription($"`days` from 0 (removed at once) to {ParentOrganization.MaxRemovalGraceDays}, else 400 `RemovalGraceOutOfRange` on the field. " +
                "Parent admins only, as on the Identity and access page.")
            .Accepts<ApiRemovalGracePeriodRequest>("application/json")
            .Produces<ApiRemovalGracePeriod>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, OrganizationAccessService access, ParentOrganizationsQuery organizations,
        ParentSetupQuery setup)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var check = await access.CheckParentAsync(caller.ParentId, caller.PersonId, Permission.ViewParent, http.RequestAborted);
        var rows = check.IsGranted ? await organizations.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted) : null;
        var progress = rows is null ? null : await setup.GetAsync(caller.ParentId, caller.PersonId, http.RequestAborted);
        return progress is null ? ApiParentResources.CreatorMayNotView() : Results.Ok(ApiParent.From(check.Parent!, rows!.Count, progress));
    }

    private static async Task<IResult> ChangePlanAsync(ApiParentPlanRequest body, HttpContext http, ParentPlanChange plans, OrganizationAccessService access,
        ParentOrganizationsQuery organizations, ParentSetupQuery setup)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        if ((body.Plan is { } named ? ApiSettingsRequestReader.Name<ParentPlan>(named) : null) is not { } plan)
        {
            return ApiRefusals.Problem(new ValidationFailed("plan", ValidationRule.ParentPlanRequired));
        }

        var caller = http.RequiredApiCaller();
        return await plans.ChangeAsync(caller.ParentId, plan, caller.PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : await GetAsync(http, access, organizations, setup);
    }

    private static async Task<IResult> GetGraceAsync(HttpContext http, RemovalGraceSettingsService grace)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await grace.GetAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } days
            ? Results.Ok(new ApiRemovalGracePeriod(days))
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> SetGraceAsync(ApiRemovalGracePeriodRequest body, HttpContext http, RemovalGraceSettingsService grace)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        if (body.Days is not { } days)
        {
            return DaysMissing();
        }

        return await grace.SetAsync(caller.ParentId, days, caller.PersonId, http.RequestAborted) switch
        {
            // The service names the setting; the API's field is the body's.
            RemovalGraceOutOfRange outOfRange => ApiRefusals.Problem(outOfRange with { Field = "days" }),
            { } error => ApiRefusals.Problem(error),
            null => Results.Ok(new ApiRemovalGracePeriod(days)),
        };
    }

    private static IResult DaysMissing()
    {
        const string detail = "Send the grace period as `days`, a whole number of days.";
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: nameof(RefusalCategory.InvalidInput), detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "RemovalGraceRequired", ["field"] = "days", ["errors"] = new Dictionary<string, string[]> { ["days"] = [detail] } });
    }

    private static IResult? WholeParentRefused(HttpContext http) =>
        ApiParentResources.KeyLimitedRefusal(http, "the parent's plan and settings apply to every organization of the parent");
}
