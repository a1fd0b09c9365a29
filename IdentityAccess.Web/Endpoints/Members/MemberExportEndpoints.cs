using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Members;

internal static class MemberExportEndpoints
{
    public static IEndpointRouteBuilder MapMemberExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-out people are sent to sign in and come back here, as for pages.
        app.MapGet("/orgs/{orgId:guid}/members.csv", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid orgId, HttpContext http, OrganizationAccessService access, MemberExport export, TimeProvider time)
    {
        var granted = await access.CheckAsync(orgId, http.User.GetPersonId(), Permission.ManageMembers, http.RequestAborted);
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

        // Member lists are personal data: no shared or browser cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        var fileName = MembersCsv.FileName(granted.Organization!.Name, time.GetUtcNow());
        return Results.Stream(body => MembersCsv.WriteAsync(body, export.ReadPagesAsync(orgId, cancellationToken: http.RequestAborted), http.RequestAborted),
            ExportFiles.CsvContentType, fileName);
    }
}
