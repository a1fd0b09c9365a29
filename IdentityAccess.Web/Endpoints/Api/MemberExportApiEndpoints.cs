using System.ComponentModel;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Web.Endpoints.Api.Logs;
using IdentityAccess.Web.Endpoints.Export;
using IdentityAccess.Web.Endpoints.Members;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/organizations/{id}/members/export</c>: the members page's Export CSV file, read by <see cref="MemberExport"/>
/// and written by <see cref="MembersCsv"/> as the portal's own download, or the same fields as JSON.
/// </summary>
internal static class MemberExportApiEndpoints
{
    public static RouteGroupBuilder MapMemberExportApiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{organizationId:guid}/members/export", ExportAsync)
            .WithName("ExportMembers").WithTags("Members")
            .WithSummary("Export an organization's members")
            .WithDescription("Every member (removed ones are history, not members), ordered by email, streamed as CSV (`format=csv`, the default: " +
                "the members page's Export CSV file, columns and words alike) or a JSON array of the same fields (`format=json`). The members page's " +
                "permission applies.")
            .Produces(StatusCodes.Status200OK, contentType: ExportFiles.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: JsonExport.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ExportAsync([Description("The organization's id, as the organization list gives it.")] Guid organizationId,
        [Description("`csv` (default) or `json`.")] string? format, HttpContext http, OrganizationAccessService access, MemberExport export, TimeProvider time)
    {
        if (LogApi.ReadFormat(format) is not { } fileFormat)
        {
            return LogApi.BadFormat();
        }

        var (check, refused) = await OrganizationEndpoints.ReachAsync(organizationId, http, access, Permission.ManageMembers);
        if (refused is not null)
        {
            return refused;
        }

        // Member lists are personal data: no shared cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var pages = export.ReadPagesAsync(organizationId, cancellationToken: http.RequestAborted);
        var fileName = MembersCsv.FileName(check!.Organization!.Name, time.GetUtcNow(), fileFormat);
        return fileFormat == "json"
            ? Results.Stream(body => JsonExport.WriteAsync(body, pages.Rows(http.RequestAborted), MembersCsv.WriteJson, http.RequestAborted),
                JsonExport.ContentType, fileName)
            : Results.Stream(body => MembersCsv.WriteAsync(body, pages, http.RequestAborted), ExportFiles.CsvContentType, fileName);
    }
}
