using IdentityAccess.Core.Access;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Auth;

namespace IdentityAccess.Web.Endpoints.DirectorySync;

internal static class ProvisioningLogExportEndpoints
{
    public static IEndpointRouteBuilder MapProvisioningLogExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-out people are sent to sign in and come back here, as for pages.
        app.MapGet("/orgs/{orgId:guid}/directory-sync/log.csv", ExportAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The whole log of the organization's parent directory, for those who manage its identity and access.</summary>
    private static async Task<IResult> ExportAsync(Guid orgId, bool? errorsOnly, int? status, HttpContext http, OrganizationAccessService access,
        ProvisioningLogReader log, TimeProvider time)
    {
        var granted = await access.CheckAsync(orgId, http.User.GetPersonId(), Permission.ViewAuditLog, http.RequestAborted);
        switch (granted.Outcome)
        {
            case AccessOutcome.NotFound:
                // An empty 404: the status-code pages answer with the portal's own "does not exist" page, as for pages.
                return Results.NotFound();
            case AccessOutcome.Forbidden:
                return Results.Text(granted.Reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            case AccessOutcome.Granted:
                break;
        }

        // Request lines name people: no shared or browser cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var organization = granted.Organization!;
        var filter = new ProvisioningLogQuery(errorsOnly ?? false, status);
        return Results.Stream(body => ProvisioningLogCsv.WriteAsync(body, log.ReadPagesAsync(organization.ParentId, filter, cancellationToken: http.RequestAborted),
            http.RequestAborted), "text/csv; charset=utf-8", ProvisioningLogCsv.FileName(organization.ParentName, time.GetUtcNow()));
    }
}
