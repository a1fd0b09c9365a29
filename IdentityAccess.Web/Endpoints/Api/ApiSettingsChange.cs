using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A dry run and an apply of an organization's Identity and access settings, as every resource that changes them does
/// it (the settings resource, the group mappings resource): the key's reach and the settings page's permission, the
/// request read into the page's draft field by field, the dry run with its fingerprint, and the apply refused with the
/// new dry run (409) when that no longer holds or without the typed <c>confirm</c> (422).
/// </summary>
/// <remarks>
/// A resource gives what it was sent as a whole <see cref="ApiSettingsRequest"/>, completed from the saved settings
/// (<c>complete</c>), and says how it shows the settings once saved, with the dry run applied (<c>shown</c>).
/// </remarks>
internal static class ApiSettingsChange
{
    public delegate ApiSettingsRequest Completion(ProvisioningSettingsView saved);

    public delegate object Shown(OrganizationSummary organization, ProvisioningSettingsView saved, ProvisioningPreview applied);

    /// <param name="limit">How many people of each kind of change to list (<see cref="ApiDryRunPage"/>).</param>
    /// <param name="cursor">A previous page's <c>nextCursor</c>, to list the next people of the same dry run.</param>
    public static async Task<IResult> DryRunAsync(Guid organizationId, Completion complete, int? limit, string? cursor, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (_, draft, refused) = await ReadAsync(organizationId, complete, apply: false, http, access, settings);
        if (refused is not null)
        {
            return refused;
        }

        var (page, badPage) = ApiDryRunPage.Read(limit, cursor);
        if (badPage is not null)
        {
            return ApiSettingsProblems.Invalid([badPage], "The page asked for is not valid; nothing was changed.");
        }

        var preview = await settings.PreviewAsync(organizationId, draft!.Value.Draft, http.RequiredApiCaller().PersonId, http.RequestAborted);
        if (preview.Plan is null)
        {
            return ApiRefusals.Problem(preview.Errors[0]); // no longer allowed since the check above
        }

        var aboutInput = preview.Errors.Where(ApiRefusal.IsAboutInput).Select(ApiRefusal.From).ToList();
        if (aboutInput.Count > 0)
        {
            return ApiSettingsProblems.Invalid(aboutInput);
        }

        return page.Fingerprint is { } paged && paged != ApiDryRun.FingerprintOf(preview)
            ? ApiSettingsProblems.ChangedWhilePaging(preview, page)
            : Results.Ok(ApiDryRun.From(preview, page));
    }

    /// <param name="confirm">From the query (<c>?confirm=2</c>) when the body has none, as the words have it.</param>
    public static async Task<IResult> ApplyAsync(Guid organizationId, Completion complete, int? confirm, Shown shown, HttpContext http,
        OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (organization, draft, refused) = await ReadAsync(organizationId, complete, apply: true, http, access, settings);
        if (refused is not null)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var body = draft!.Value.Request;
        var result = await settings.ApplyReviewedAsync(organizationId, draft.Value.Draft, caller.PersonId, body.Fingerprint!, body.Confirm ?? confirm, http.RequestAborted);
        if (result.Plan is null)
        {
            return ApiRefusals.Problem(result.Errors[0]);
        }

        if (result.Errors.Count == 0)
        {
            var saved = await settings.GetAsync(organizationId, caller.PersonId, http.RequestAborted);
            return Results.Ok(shown(organization!, saved!, result));
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

    /// <summary>The draft the request asks for, once the key may change the organization's settings and every value is valid.</summary>
    private static async Task<(OrganizationSummary? Organization, (ProvisioningDraft Draft, ApiSettingsRequest Request)? Draft, IResult? Refused)> ReadAsync(
        Guid organizationId, Completion complete, bool apply, HttpContext http, OrganizationAccessService access, ProvisioningSettingsService settings)
    {
        var (reached, refused) = await ReachAsync(organizationId, http, access, settings);
        if (refused is not null)
        {
            return (null, null, refused);
        }

        var (organization, view) = reached!.Value;
        var body = complete(view);
        var (draft, invalid) = ApiSettingsRequestReader.Read(body, view, organization.Product, apply);
        return draft is null ? (organization, null, ApiSettingsProblems.Invalid(invalid)) : (organization, (draft, body), null);
    }

    /// <summary>
    /// The organization and its settings, if the key reaches it and its creator may manage its Identity and access
    /// (as on the page); otherwise the same problem as for the rest of the API (404 outside the key's reach, 403 with
    /// the page's reason).
    /// </summary>
    public static async Task<((OrganizationSummary Organization, ProvisioningSettingsView View)? Reached, IResult? Refused)> ReachAsync(
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
