using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning.Safety;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// An organization's held changes, as the Identity and access page reviews them, through its services and permission:
/// the changes the mass-change safeguard held (applied or discarded together, with the page's typed confirmation), and
/// the changes to a top-role holder held one by one (applied with the person's email typed, or kept).
/// </summary>
internal static class HeldChangeEndpoints
{
    private const string Tag = "Held changes";

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";

    public static RouteGroupBuilder MapHeldChangeEndpoints(this RouteGroupBuilder api)
    {
        var held = api.MapGroup("/organizations/{organizationId:guid}").WithTags(Tag);
        held.MapGet("/held-changes", ListAsync)
            .WithName("ListHeldChanges")
            .WithSummary("List the changes the mass-change safeguard held")
            .WithDescription("The people whose removal, suspension or demotion the safeguard held when the IdP asked for many at once; they keep " +
                "their access until the changes are applied or discarded. Needs the Identity and access page's permission.")
            .Produces<ApiList<ApiHeldChange>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        held.MapPost("/held-changes/apply", ApplyAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ApplyHeldChanges")
            .WithSummary("Apply every held change")
            .WithDescription("Does what the IdP asked, for everyone held, as the page's Apply: `confirm` is the number of people held or the " +
                "organization's name (else 400 `HeldChangesConfirmationRequired`). Answers how many memberships changed. The organization's top role " +
                "or a parent admin only; 404 `HeldChangesNotFound` when nothing is held.")
            .Produces<ApiHeldChangesDecided>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        held.MapPost("/held-changes/discard", DiscardAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("DiscardHeldChanges")
            .WithSummary("Discard every held change")
            .WithDescription("Keeps everyone held as they are, as the page's Discard: a removal or suspension discarded makes the membership " +
                "hand-managed, a demotion discarded keeps the role by hand, so the next push does not hold them again. Same `confirm` and permission as apply.")
            .Produces<ApiHeldChangesDecided>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        held.MapGet("/held-top-role-changes", ListTopRoleAsync)
            .WithName("ListHeldTopRoleChanges")
            .WithSummary("List the held changes to top-role holders")
            .WithDescription("Removals or demotions of an Owner (Console: an Admin) that the IdP asked for, held until someone decides each one.")
            .Produces<ApiList<ApiHeldTopRoleChange>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        held.MapPost("/held-top-role-changes/{heldChangeId:guid}/apply", ApplyTopRoleAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ApplyHeldTopRoleChange")
            .WithSummary("Apply a held change to a top-role holder")
            .WithDescription("Does what the IdP asked, with `confirm` set to the person's email as the page asks it typed (else 400 " +
                "`HeldChangeConfirmationRequired`); refused while nobody else holds the top role (409 `HeldChangeLeavesNoTopRole`).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        held.MapPost("/held-top-role-changes/{heldChangeId:guid}/keep", KeepTopRoleAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("KeepHeldTopRoleChange")
            .WithSummary("Keep a top-role holder as they are")
            .WithDescription("Discards the held change: the person keeps their role by hand (and, for a removal or suspension, a hand-managed membership).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http,
        OrganizationAccessService access, StagedRemovalService held) =>
        await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused)
            ? refused
            : await held.ListAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted) is { } items
                ? Results.Ok(new ApiList<ApiHeldChange>([.. items.Select(ApiHeldChange.From)], null))
                : ApiRefusals.OrganizationNotFound();

    private static Task<IResult> ApplyAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The number of people held, or the organization's name.")] string? confirm, HttpContext http,
        OrganizationAccessService access, StagedRemovalService held) =>
        DecideAllAsync(organizationId, http, access, () => held.ApplyAllAsync(organizationId, http.RequiredApiCaller().PersonId, confirm, http.RequestAborted));

    private static Task<IResult> DiscardAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The number of people held, or the organization's name.")] string? confirm, HttpContext http,
        OrganizationAccessService access, StagedRemovalService held) =>
        DecideAllAsync(organizationId, http, access, () => held.DiscardAllAsync(organizationId, http.RequiredApiCaller().PersonId, confirm, http.RequestAborted));

    private static async Task<IResult> DecideAllAsync(Guid organizationId, HttpContext http, OrganizationAccessService access, Func<Task<HeldChangesDecision>> decide)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused))
        {
            return refused;
        }

        var decision = await decide();
        return decision.Refusal is { } error ? ApiRefusals.Problem(error) : Results.Ok(new ApiHeldChangesDecided(decision.Count));
    }

    private static async Task<IResult> ListTopRoleAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http,
        OrganizationAccessService access, HeldTopRoleChangeService held) =>
        await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused)
            ? refused
            : await held.ListAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted) is { } list
                ? Results.Ok(new ApiList<ApiHeldTopRoleChange>([.. list.Items.Select(ApiHeldTopRoleChange.From)], null))
                : ApiRefusals.OrganizationNotFound();

    private static Task<IResult> ApplyTopRoleAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The held change's id, as the list gives it.")] Guid heldChangeId,
        [Description("The person's email, as the page asks it typed.")] string? confirm, HttpContext http, OrganizationAccessService access,
        HeldTopRoleChangeService held) =>
        DecideOneAsync(organizationId, http, access, () => held.ApplyAsync(organizationId, heldChangeId, confirm, http.RequiredApiCaller().PersonId, http.RequestAborted));

    private static Task<IResult> KeepTopRoleAsync([Description(OrganizationIdText)] Guid organizationId,
        [Description("The held change's id, as the list gives it.")] Guid heldChangeId, HttpContext http, OrganizationAccessService access,
        HeldTopRoleChangeService held) =>
        DecideOneAsync(organizationId, http, access, () => held.KeepAsync(organizationId, heldChangeId, http.RequiredApiCaller().PersonId, http.RequestAborted));

    private static async Task<IResult> DecideOneAsync(Guid organizationId, HttpContext http, OrganizationAccessService access, Func<Task<Core.Common.Error?>> decide)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewIdentityAccess) is (_, { } refused))
        {
            return refused;
        }

        return await decide() is { } error ? ApiRefusals.Problem(error) : Results.NoContent();
    }
}
