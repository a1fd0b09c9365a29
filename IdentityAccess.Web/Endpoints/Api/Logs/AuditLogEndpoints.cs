using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Web.Endpoints.Audit;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>
/// <c>/api/v1/organizations/{id}/audit-log</c>: the organization's audit log with its parent's events, paged newest first
/// or exported whole, filtered as on the audit page, for those the page lets read it (<see cref="Permission.ViewAuditLog"/>,
/// checked as the portal does through <see cref="OrganizationEndpoints.ReachAsync"/>).
/// </summary>
internal static class AuditLogEndpoints
{
    private const string Tag = "Logs";

    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/organizations/{organizationId:guid}/audit-log").WithTags(Tag);
        log.MapGet("", PageAsync)
            .WithName("ListAuditLog")
            .WithSummary("Page through an organization's audit log")
            .WithDescription("Newest first, with the parent's events (SSO, SCIM, domains) unless `scope` says otherwise. Filters as on the audit page: " +
                LogApi.AuditFilters + " Pass `nextCursor` back for the next page: entries logged meanwhile never shift the pages. " +
                "Needs the audit page's permission (the organization's Owners; Console: its Admins), else 403.")
            .Produces<ApiList<ApiAuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        log.MapGet("/export", ExportAsync)
            .WithName("ExportAuditLog")
            .WithSummary("Export an organization's audit log")
            .WithDescription("Every matching entry, newest first, streamed as CSV (`format=csv`, the default) or a JSON array (`format=json`): the " +
                "portal's export file, columns and names alike. Same filters and permission as the list.")
            .Produces(StatusCodes.Status200OK, contentType: ExportFiles.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: JsonExport.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> PageAsync([Description(LogApi.OrganizationIdText)] Guid organizationId,
        [Description(LogApi.CursorText)] string? cursor, [Description(LogApi.LimitText)] int? limit,
        [Description("Text in the action, the target, the actor or the key's name.")] string? search,
        [Description("An action or its start, e.g. `membership.` or `membership.role_changed`.")] string? action,
        [Description("Part of the actor's name, or of the API key's name.")] string? actor,
        [Description("The email of the person the entries are about.")] string? person,
        [Description("`all` (default), `organization` or `parent`.")] string? scope,
        [Description(LogApi.FromText)] string? from, [Description(LogApi.ToText)] string? to,
        HttpContext http, OrganizationAccessService access, AuditTrail trail)
    {
        if (!ApiLogCursors.TryDecodeAudit(cursor, out var after))
        {
            return LogApi.BadCursor();
        }

        if (LogApi.BadLimit(limit) is { } badLimit)
        {
            return badLimit;
        }

        var (filter, invalid) = LogFilters.ReadAudit(http.Request.Query);
        if (invalid is not null)
        {
            return ApiRefusals.Problem(invalid);
        }

        var (_, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewAuditLog);
        if (refused is not null)
        {
            return refused;
        }

        var take = limit ?? LogApi.DefaultLimit;
        var rows = await trail.GetAfterAsync(organizationId, filter!, after, take + 1, http.RequestAborted);
        var page = rows.Take(take).ToList();
        http.Response.Headers.CacheControl = "no-store";
        var next = rows.Count > take ? ApiLogCursors.Encode(AuditLogPosition.After(page, after)) : null;
        return Results.Ok(new ApiList<ApiAuditEntry>([.. page.Select(ApiAuditEntry.From)], next));
    }

    private static async Task<IResult> ExportAsync([Description(LogApi.OrganizationIdText)] Guid organizationId,
        [Description("`csv` (default) or `json`.")] string? format, HttpContext http, OrganizationAccessService access, AuditTrail trail, TimeProvider time)
    {
        if (LogApi.ReadFormat(format) is not { } fileFormat)
        {
            return LogApi.BadFormat();
        }

        var (filter, invalid) = LogFilters.ReadAudit(http.Request.Query);
        if (invalid is not null)
        {
            return ApiRefusals.Problem(invalid);
        }

        var (check, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ViewAuditLog);
        if (refused is not null)
        {
            return refused;
        }

        // Before and after hold people's details: no shared cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var rows = trail.ReadAsync(organizationId, filter!, http.RequestAborted);
        var fileName = AuditLogExport.FileName(check!.Organization!.Name, time.GetUtcNow(), fileFormat);
        return fileFormat == "json"
            ? Results.Stream(body => JsonExport.WriteAsync(body, rows, AuditLogExport.WriteJson, http.RequestAborted), JsonExport.ContentType, fileName)
            : Results.Stream(body => CsvExport.WriteAsync(body, AuditLogExport.Header, rows, AuditLogExport.Cells, http.RequestAborted),
                ExportFiles.CsvContentType, fileName);
    }
}
