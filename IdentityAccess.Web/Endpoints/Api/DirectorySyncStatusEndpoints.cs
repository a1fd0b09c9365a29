using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>GET /api/v1/organizations/{id}/directory-sync-status</c>: the Identity and access page's sync health and paused
/// banner through their own readers (<see cref="ProvisioningLogReader"/>, <see cref="DirectoryPauseReader"/>) and
/// permission (reading the organization's logs), so a monitoring script can alert before an owner notices.
/// </summary>
internal static class DirectorySyncStatusEndpoints
{
    public static RouteGroupBuilder MapDirectorySyncStatusEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{organizationId:guid}/directory-sync-status", GetAsync)
            .WithName("GetDirectorySyncStatus").WithTags("Identity and access")
            .WithSummary("How directory sync is doing")
            .WithDescription("Per valid SCIM token: the last request, the last day's requests and errors, `quiet` after two hours without a request " +
                "(Entra ID pushes about every 40 minutes), the last error; requests refused in the last day with a revoked token; groups the IdP " +
                "nested (skipped); and `paused` when the parent's plan has no directory sync. The audit log's permission applies; a key limited " +
                "to some organizations gets 403 (the directory and its tokens are the whole parent's).")
            .Produces<ApiDirectorySyncStatus>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync([Description("The organization's id, as the organization list gives it.")] Guid organizationId,
        HttpContext http, OrganizationAccessService access, ProvisioningLogReader log, DirectoryPauseReader pauses)
    {
        if (await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewAuditLog) is (_, { } refused))
        {
            return refused;
        }

        // The directory, its SCIM tokens and the organizations on it are the whole parent's, as the token list is.
        if (ApiParentResources.KeyLimitedRefusal(http, "the directory and its SCIM tokens are the whole parent's") is { } limited)
        {
            return limited;
        }

        var person = http.RequiredApiCaller().PersonId;
        var status = await log.GetStatusAsync(organizationId, person, http.RequestAborted);
        return status is null
            ? ApiRefusals.OrganizationNotFound() // no longer allowed since the check above
            : Results.Ok(ApiDirectorySyncStatus.From(status, await pauses.GetAsync(organizationId, person, http.RequestAborted)));
    }
}
