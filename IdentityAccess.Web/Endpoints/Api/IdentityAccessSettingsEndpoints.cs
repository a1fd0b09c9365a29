using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/identity-access</c>: an organization's Identity and access settings, read, dry-run and
/// applied through the settings page's own service (<see cref="ProvisioningSettingsService"/>), with its permission
/// (<see cref="Permission.ManageIdentityAccess"/>, as the key's creator), its guard and its typed confirmation. An apply
/// carries the fingerprint of the dry run it follows and is refused (409, with the new dry run) if that no longer holds.
/// </summary>
internal static class IdentityAccessSettingsEndpoints
{
    private const string SettingsTag = "Identity and access";

    public static RouteGroupBuilder MapIdentityAccessSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/organizations/{organizationId:guid}/identity-access");
        settings.MapGet("", GetAsync)
            .WithName("GetIdentityAccessSettings").WithTags(SettingsTag)
            .WithSummary("Get an organization's Identity and access settings")
            .WithDescription("The provisioning mode, advanced group mappings, role and seat tier mappings, the break-glass person, the settings " +
                "version and which modes the plan allows (and why not). The settings page's permission applies, as the key's creator.")
            .Produces<ApiIdentityAccessSettings>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/dry-run", DryRunAsync)
            .WithName("DryRunIdentityAccessSettings").WithTags(SettingsTag)
            .WithSummary("Dry-run a change of the settings")
            .WithDescription("What saving these settings would do, as the review dialog shows it: who gains or loses access, role and tier " +
                "changes, seats, held changes, refusals, whether a typed confirmation is needed, and the `fingerprint` to pass to apply. Changes nothing." +
                ApiDryRunPaging.PagingText)
            .Accepts<ApiSettingsRequest>("application/json")
            .Produces<ApiDryRun>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapPost("/apply", ApplyAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ApplyIdentityAccessSettings").WithTags(SettingsTag)
            .WithSummary("Apply a dry-run change of the settings")
            .WithDescription("Saves the settings if the dry run whose `fingerprint` is given still holds (else 409 with the new dry run), with " +
                "`confirm` set to the number of other people who lose access or rank when the dry run asks for it (else 422). Needs a read-write key.")
            .Accepts<ApiSettingsRequest>("application/json")
            .Produces<ApiApplied>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid organizationId, HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (reached, refused) = await ApiSettingsChange.ReachAsync(organizationId, http, access, settings);
        return refused ?? Results.Ok(ApiIdentityAccessSettings.From(organizationId, reached!.Value.Organization.Product, reached.Value.View));
    }

    private static Task<IResult> DryRunAsync(Guid organizationId, ApiSettingsRequest body, [Description(ApiDryRunPaging.LimitText)] int? limit,
        [Description(ApiDryRunPaging.CursorText)] string? cursor, HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings) =>
        ApiSettingsChange.DryRunAsync(organizationId, _ => body, limit, cursor, http, access, settings);

    private static Task<IResult> ApplyAsync(Guid organizationId, ApiSettingsRequest body, int? confirm, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings) =>
        ApiSettingsChange.ApplyAsync(organizationId, _ => body, confirm, (organization, saved, applied) =>
            new ApiApplied(ApiIdentityAccessSettings.From(organizationId, organization.Product, saved), ApiDryRun.From(applied)), http, access, settings);
}

/// <summary>What an apply answers: the settings as now saved, and the dry run that was applied.</summary>
internal sealed record ApiApplied(ApiIdentityAccessSettings Settings, ApiDryRun Applied);
