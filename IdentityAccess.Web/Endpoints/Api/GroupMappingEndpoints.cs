using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/group-mappings</c>: which directory groups give which role and seat tier, as a resource
/// of its own, changed with the settings resource's own safety (<see cref="ApiSettingsChange"/>): a dry run with its
/// fingerprint, an apply refused with the new dry run when that no longer holds, the typed <c>confirm</c> when others
/// lose access or rank. The mode and the break-glass owner stay as saved.
/// </summary>
internal static class GroupMappingEndpoints
{
    private const string Tag = "Group mappings";

    public static RouteGroupBuilder MapGroupMappingEndpoints(this RouteGroupBuilder api)
    {
        var mappings = api.MapGroup("/organizations/{organizationId:guid}/group-mappings").WithTags(Tag);
        mappings.MapGet("", GetAsync)
            .WithName("GetGroupMappings")
            .WithSummary("Get an organization's group mappings")
            .WithDescription("The role and seat tier mappings (each group by its immutable key, with its current name), whether advanced group " +
                "mappings are on, the directory's groups and the settings version. The Identity and access page's permission applies, as the key's creator.")
            .Produces<ApiGroupMappings>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        mappings.MapPost("/dry-run", DryRunAsync)
            .WithName("DryRunGroupMappings")
            .WithSummary("Dry-run a change of the group mappings")
            .WithDescription("What saving these mappings would do (the mode and the break-glass owner as saved), as the settings dry run says it: " +
                "who gains or loses access, role and tier changes, seats, held changes, refusals, and the `fingerprint` to pass to apply. " +
                "A group the directory does not have is 400 naming the field. Changes nothing." +
                ApiDryRunPaging.PagingText)
            .Accepts<ApiGroupMappingsRequest>("application/json")
            .Produces<ApiDryRun>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        mappings.MapPost("/apply", ApplyAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ApplyGroupMappings")
            .WithSummary("Apply a dry-run change of the group mappings")
            .WithDescription("Saves the mappings if the dry run whose `fingerprint` is given still holds (else 409 with the new dry run), with " +
                "`confirm` set to the number of other people who lose access or rank when the dry run asks for it (else 422). Needs a read-write key.")
            .Accepts<ApiGroupMappingsRequest>("application/json")
            .Produces<ApiGroupMappingsApplied>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<IResult> GetAsync([Description(OrganizationIdText)] Guid organizationId, HttpContext http, OrganizationAccessService access,
        ProvisioningSettingsService settings)
    {
        var (reached, refused) = await ApiSettingsChange.ReachAsync(organizationId, http, access, settings);
        return refused ?? Results.Ok(ApiGroupMappings.From(ApiIdentityAccessSettings.From(organizationId, reached!.Value.Organization.Product, reached.Value.View)));
    }

    private static Task<IResult> DryRunAsync([Description(OrganizationIdText)] Guid organizationId, ApiGroupMappingsRequest body,
        [Description(ApiDryRunPaging.LimitText)] int? limit, [Description(ApiDryRunPaging.CursorText)] string? cursor, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings) =>
        ApiSettingsChange.DryRunAsync(organizationId, body.Completed, limit, cursor, http, access, settings);

    private static Task<IResult> ApplyAsync([Description(OrganizationIdText)] Guid organizationId, ApiGroupMappingsRequest body,
        [Description("The number of other people who lose access or rank, when the dry run asks for it (or `confirm` in the body).")] int? confirm,
        HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings) =>
        ApiSettingsChange.ApplyAsync(organizationId, body.Completed, confirm, (organization, saved, applied) => new ApiGroupMappingsApplied(
            ApiGroupMappings.From(ApiIdentityAccessSettings.From(organizationId, organization.Product, saved)), ApiDryRun.From(applied)), http, access, settings);

    private const string OrganizationIdText = "The organization's id, as the organization list gives it.";
}
