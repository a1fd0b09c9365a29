using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Endpoints.DirectorySync;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>
/// <c>/api/v1/organizations/{id}/provisioning-log</c>: the log of the organization's parent directory (SCIM requests,
/// SSO sign-in decisions, Sync now runs), paged newest first or exported whole, filtered as on the sync log page,
/// reached through an organization as the portal reaches it (<see cref="Permission.ViewAuditLog"/> there).
/// </summary>
internal static class ProvisioningLogEndpoints
{
    private const string Tag = "Logs";

    private const string Filters = "`errorsOnly` (true: statuses 400 and above), `status` (one HTTP status), `channel` (`scim`, `sso` or `syncnow`), `from`, `to`.";

    public static RouteGroupBuilder MapProvisioningLogEndpoints(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/organizations/{organizationId:guid}/provisioning-log").WithTags(Tag);
        log.MapGet("", PageAsync)
            .WithName("ListProvisioningLog")
            .WithSummary("Page through the directory's provisioning log")
            .WithDescription("The parent's directory log, newest first, reached through one of its organizations. Filters as on the sync log page: " +
                Filters + " Pass `nextCursor` back for the next page: rows logged meanwhile never shift the pages. " +
                "Needs the sync log's permission in that organization (its Owners; Console: its Admins), else 403.")
            .Produces<ApiList<ApiProvisioningLogEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        log.MapGet("/export", ExportAsync)
            .WithName("ExportProvisioningLog")
            .WithSummary("Export the directory's provisioning log")
            .WithDescription("Every matching row, newest first, streamed as CSV (`format=csv`, the default) or a JSON array (`format=json`): the portal's " +
                "export file, columns and names alike. Same filters and permission as the list.")
            .Produces(StatusCodes.Status200OK, contentType: ExportFiles.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: JsonExport.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> PageAsync([Description(LogApi.OrganizationIdText)] Guid organizationId,
        [Description(LogApi.CursorText)] string? cursor, [Description(LogApi.LimitText)] int? limit,
        [Description("Only failed requests and refused sign-ins (status 400 and above) when true.")] bool? errorsOnly,
        [Description("Only rows of this HTTP status.")] int? status,
        [Description("`scim`, `sso` or `syncnow`.")] string? channel,
        [Description(LogApi.FromText)] string? from, [Description(LogApi.ToText)] string? to,
        HttpContext http, OrganizationAccessService access, ProvisioningLogReader log)
    {
        if (!ApiLogCursors.TryDecodeProvisioning(cursor, out var below))
        {
            return LogApi.BadCursor();
        }

        if (LogApi.BadLimit(limit) is { } badLimit)
        {
            return badLimit;
        }

        var (filter, invalid) = LogFilters.ReadProvisioning(http.Request.Query);
        if (invalid is not null)
        {
            return ApiRefusals.Problem(invalid);
        }

        var (check, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewAuditLog);
        if (refused is not null)
        {
            return refused;
        }

        var take = limit ?? LogApi.DefaultLimit;
        var rows = await log.GetBelowAsync(check!.Organization!.ParentId, filter!, below, take + 1, http.RequestAborted);
        var page = rows.Take(take).ToList();
        http.Response.Headers.CacheControl = "no-store";
        var next = rows.Count > take ? ApiLogCursors.Encode(page[^1].Id) : null;
        return Results.Ok(new ApiList<ApiProvisioningLogEntry>([.. page.Select(ApiProvisioningLogEntry.From)], next));
    }

    private static async Task<IResult> ExportAsync([Description(LogApi.OrganizationIdText)] Guid organizationId,
        [Description("`csv` (default) or `json`.")] string? format, HttpContext http, OrganizationAccessService access, ProvisioningLogReader log,
        TimeProvider time)
    {
        if (LogApi.ReadFormat(format) is not { } fileFormat)
        {
            return LogApi.BadFormat();
        }

        var (filter, invalid) = LogFilters.ReadProvisioning(http.Request.Query);
        if (invalid is not null)
        {
            return ApiRefusals.Problem(invalid);
        }

        var (check, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewAuditLog);
        if (refused is not null)
        {
            return refused;
        }

        // Request lines name people: no shared cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var organization = check!.Organization!;
        var rows = log.ReadPagesAsync(organization.ParentId, filter!, cancellationToken: http.RequestAborted).Rows(http.RequestAborted);
        var fileName = ProvisioningLogCsv.FileName(organization.ParentName, time.GetUtcNow(), fileFormat);
        return fileFormat == "json"
            ? Results.Stream(body => JsonExport.WriteAsync(body, rows, ProvisioningLogCsv.WriteJson, http.RequestAborted), JsonExport.ContentType, fileName)
            : Results.Stream(body => CsvExport.WriteAsync(body, ProvisioningLogCsv.Header, rows, ProvisioningLogCsv.Cells, http.RequestAborted),
                ExportFiles.CsvContentType, fileName);
    }
}
