using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.DirectorySync;

internal static class ProvisioningLogExportEndpoints
{
    public static IEndpointRouteBuilder MapProvisioningLogExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-out people are sent to sign in and come back here, as for pages.
        app.MapGet("/orgs/{orgId:guid}/directory-sync/log.csv", (Guid orgId, HttpContext http, OrganizationAccessService access, ProvisioningLogReader log,
            TimeProvider time) => ExportAsync(orgId, "csv", http, access, log, time)).RequireAuthorization();
        app.MapGet("/orgs/{orgId:guid}/directory-sync/log.json", (Guid orgId, HttpContext http, OrganizationAccessService access, ProvisioningLogReader log,
            TimeProvider time) => ExportAsync(orgId, "json", http, access, log, time)).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The log of the organization's parent directory, for those who may read it, filtered as on the page
    /// (<c>errorsOnly</c>, <c>status</c>, <c>channel</c> = scim|sso, <c>from</c>, <c>to</c>) and streamed newest first.
    /// </summary>
    private static async Task<IResult> ExportAsync(Guid orgId, string format, HttpContext http, OrganizationAccessService access,
        ProvisioningLogReader log, TimeProvider time)
    {
        var (organization, refused) = await LogExportRequest.AuthorizeAsync(orgId, http, access);
        if (refused is not null)
        {
            return refused;
        }

        var (filter, invalid) = LogFilters.ReadProvisioning(http.Request.Query);
        if (invalid is not null)
        {
            return LogExportRequest.Invalid(invalid);
        }

        // Request lines name people: no shared or browser cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var rows = log.ReadPagesAsync(organization!.ParentId, filter!, cancellationToken: http.RequestAborted).Rows(http.RequestAborted);
        var fileName = ProvisioningLogCsv.FileName(organization.ParentName, time.GetUtcNow(), format);
        return format == "json"
            ? Results.Stream(body => JsonExport.WriteAsync(body, rows, ProvisioningLogCsv.WriteJson, http.RequestAborted), JsonExport.ContentType, fileName)
            : Results.Stream(body => CsvExport.WriteAsync(body, ProvisioningLogCsv.Header, rows, ProvisioningLogCsv.Cells, http.RequestAborted),
                ExportFiles.CsvContentType, fileName);
    }
}
