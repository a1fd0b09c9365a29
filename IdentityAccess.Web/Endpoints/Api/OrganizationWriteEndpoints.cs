using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>POST /api/v1/organizations</c>: a new organization under the key's parent, through the parent page's own command
/// (<see cref="OrganizationCreator.CreateUnderParentAsync"/>) and rule (parent admins; a plan the parent's plan may hold),
/// acting as the key's creator, who takes its top role. Creating is an act on the whole parent, so a key limited to
/// some organizations may not (403).
/// </summary>
internal static class OrganizationWriteEndpoints
{
    private const string Tag = "Organizations";

    public static RouteGroupBuilder MapOrganizationWriteEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organizations", CreateAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("CreateOrganization").WithTags(Tag)
            .WithSummary("Create an organization under the parent")
            .WithDescription("Creates an organization under the key's parent as the parent page's New organization does: `name`, `plan` (`Team`, " +
                "`Enterprise` or `Console`, one the parent's plan may hold, else 400 `PlanCannotJoinParent`) and its seats (chat plans: `premiumSeats` " +
                "of at least 1 and `standardSeats`; Console: `consoleSeats` of at least 1). The key's creator becomes its top role. Answers 201 with " +
                "the organization as GET gives it. Needs a read-write key without an organization limit, whose creator is a parent admin.")
            .Accepts<ApiNewOrganizationRequest>("application/json")
            .Produces<ApiOrganization>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateAsync(ApiNewOrganizationRequest body, HttpContext http, OrganizationCreator creator,
        OrganizationAccessService access)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, "creating an organization is an act on the whole parent") is { } limited)
        {
            return limited;
        }

        if (ReadPlan(body.Plan) is not { } plan)
        {
            return ApiMemberProblems.Invalid([body.Plan is null
                ? ApiRefusal.Invalid("plan", "Required", "'plan' is required.")
                : ApiRefusal.Invalid("plan", "UnknownPlan", $"'{body.Plan}' is not a plan: use one of {string.Join(", ", Enum.GetNames<OrganizationPlan>())}.")]);
        }

        var caller = http.RequiredApiCaller();
        var input = new NewOrganization(body.Name ?? "", plan, body.PremiumSeats ?? 0, body.StandardSeats ?? 0, body.ConsoleSeats ?? 0);
        var created = await creator.CreateUnderParentAsync(caller.ParentId, input, caller.PersonId, http.RequestAborted);
        if (created.Refusal is { } refusal)
        {
            return refusal is InvalidInputError ? ApiMemberProblems.Invalid([AsSent(refusal)]) : ApiRefusals.Problem(refusal);
        }

        var check = await access.CheckAsync(created.OrganizationId, caller.PersonId, Permission.ViewOrganization, http.RequestAborted);
        return Results.Created($"/api/v1/organizations/{created.OrganizationId}", ApiOrganization.From(check.Organization!));
    }

    private static OrganizationPlan? ReadPlan(string? plan) => plan is null ? null : ApiSettingsRequestReader.Name<OrganizationPlan>(plan);

    // The dialog's field is the organization's name; the request's is "name".
    private static ApiRefusal AsSent(Error refusal) =>
        ApiRefusal.AsSent(refusal) is { Field: "organizationName" } named ? named with { Field = "name" } : ApiRefusal.AsSent(refusal);
}
