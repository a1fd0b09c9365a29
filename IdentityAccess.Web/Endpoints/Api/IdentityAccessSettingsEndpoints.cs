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
                "changes, seats, held changes, refusals, whether a typed confirmation is needed, and the `fingerprint` to pass to apply. Changes nothing.")
            .Accepts<ApiSettingsRequest>("application/json")
            .Produces<ApiDryRun>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
        var (reached, refused) = await ReachAsync(organizationId, http, access, settings);
        return refused ?? Results.Ok(ApiIdentityAccessSettings.From(organizationId, reached!.Value.Organization.Product, reached.Value.View));
    }

    private static async Task<IResult> DryRunAsync(Guid organizationId, ApiSettingsRequest body, HttpContext http, OrganizationAccessService access,
        ProvisioningSettingsService settings)
    {
        var (_, draft, refused) = await ReadAsync(organizationId, body, apply: false, http, access, settings);
        if (refused is not null)
        {
            return refused;
        }

        var preview = await settings.PreviewAsync(organizationId, draft!, http.RequiredApiCaller().PersonId, http.RequestAborted);
        if (preview.Plan is null)
        {
            return ApiRefusals.Problem(preview.Errors[0]); // no longer allowed since the check above
        }

        var aboutInput = preview.Errors.Where(ApiRefusal.IsAboutInput).Select(ApiRefusal.From).ToList();
        return aboutInput.Count > 0 ? ApiSettingsProblems.Invalid(aboutInput) : Results.Ok(ApiDryRun.From(preview));
    }

    private static async Task<IResult> ApplyAsync(Guid organizationId, ApiSettingsRequest body, int? confirm, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (organization, draft, refused) = await ReadAsync(organizationId, body, apply: true, http, access, settings);
        if (refused is not null)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        // Typed in the body or the query (?confirm=2), as the words have it.
        var result = await settings.ApplyReviewedAsync(organizationId, draft!, caller.PersonId, body.Fingerprint!, body.Confirm ?? confirm, http.RequestAborted);
        if (result.Plan is null)
        {
            return ApiRefusals.Problem(result.Errors[0]);
        }

        if (result.Errors.Count == 0)
        {
            var saved = await settings.GetAsync(organizationId, caller.PersonId, http.RequestAborted);
            return Results.Ok(new ApiApplied(ApiIdentityAccessSettings.From(organizationId, organization!.Product, saved!), ApiDryRun.From(result)));
        }

        var aboutInput = result.Errors.Where(e => ApiRefusal.IsAboutInput(e) && e is not ConfirmationRequired).Select(ApiRefusal.From).ToList();
        return result.Errors switch
        {
            [DryRunOutdated, ..] => ApiSettingsProblems.Outdated(result),
            _ when aboutInput.Count > 0 => ApiSettingsProblems.Invalid(aboutInput),
            [ConfirmationRequired confirmation] => ApiSettingsProblems.ConfirmationNeeded(confirmation, result),
            [var first, ..] => ApiSettingsProblems.Refused(first, result),
            [] => throw new InvalidOperationException("Unreachable: a save with no refusal succeeded above."),
        };
    }

    /// <summary>The draft the body asks for, once the key may change the organization's settings and every value is valid.</summary>
    private static async Task<(OrganizationSummary? Organization, ProvisioningDraft? Draft, IResult? Refused)> ReadAsync(Guid organizationId,
        ApiSettingsRequest body, bool apply, HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (reached, refused) = await ReachAsync(organizationId, http, access, settings);
        if (refused is not null)
        {
            return (null, null, refused);
        }

        var (organization, view) = reached!.Value;
        var (draft, invalid) = ApiSettingsRequestReader.Read(body, view, organization.Product, apply);
        return draft is null ? (organization, null, ApiSettingsProblems.Invalid(invalid)) : (organization, draft, null);
    }

    /// <summary>
    /// The organization and its settings, if the key reaches it and its creator may manage its Identity and access
    /// (as on the page); otherwise the same problem as for the rest of the API (404 outside the key's reach, 403 with
    /// the page's reason).
    /// </summary>
    private static async Task<((OrganizationSummary Organization, ProvisioningSettingsView View)? Reached, IResult? Refused)> ReachAsync(
        Guid organizationId, HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (check, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageIdentityAccess);
        if (refused is not null)
        {
            return (null, refused);
        }

        var view = await settings.GetAsync(organizationId, http.RequiredApiCaller().PersonId, http.RequestAborted);
        return view is null ? (null, ApiRefusals.OrganizationNotFound()) : ((check!.Organization!, view), null);
    }
}

/// <summary>What an apply answers: the settings as now saved, and the dry run that was applied.</summary>
internal sealed record ApiApplied(ApiIdentityAccessSettings Settings, ApiDryRun Applied);
