using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Audit;

internal static class AuditLogExportEndpoints
{
    public static IEndpointRouteBuilder MapAuditLogExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-out people are sent to sign in and come back here, as for pages.
        app.MapGet("/orgs/{orgId:guid}/audit/log.csv", (Guid orgId, HttpContext http, OrganizationAccessService access, AuditTrail trail,
            TimeProvider time) => ExportAsync(orgId, "csv", http, access, trail, time)).RequireAuthorization();
        app.MapGet("/orgs/{orgId:guid}/audit/log.json", (Guid orgId, HttpContext http, OrganizationAccessService access, AuditTrail trail,
            TimeProvider time) => ExportAsync(orgId, "json", http, access, trail, time)).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The organization's audit log (with its parent's events), for those who may read it, filtered as on the page
    /// (<c>search</c>, <c>action</c>, <c>actor</c>, <c>person</c>, <c>scope</c> = all|organization|parent, <c>from</c>, <c>to</c>) and streamed newest first.
    /// </summary>
    private static async Task<IResult> ExportAsync(Guid orgId, string format, HttpContext http, OrganizationAccessService access, AuditTrail trail,
        TimeProvider time)
    {
        var (organization, refused) = await LogExportRequest.AuthorizeAsync(orgId, http, access);
        if (refused is not null)
        {
            return refused;
        }

        var (filter, invalid) = LogFilters.ReadAudit(http.Request.Query);
        if (invalid is not null)
        {
            return LogExportRequest.Invalid(invalid);
        }

        // Before and after hold people's details: no shared or browser cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var rows = trail.ReadAsync(orgId, filter!, http.RequestAborted);
        var fileName = AuditLogExport.FileName(organization!.Name, time.GetUtcNow(), format);
        return format == "json"
            ? Results.Stream(body => JsonExport.WriteAsync(body, rows, AuditLogExport.WriteJson, http.RequestAborted), JsonExport.ContentType, fileName)
            : Results.Stream(body => CsvExport.WriteAsync(body, AuditLogExport.Header, rows, AuditLogExport.Cells, http.RequestAborted),
                ExportFiles.CsvContentType, fileName);
    }
}
