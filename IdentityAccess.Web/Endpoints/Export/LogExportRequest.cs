using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Web.Auth;

namespace IdentityAccess.Web.Endpoints.Export;

/// <summary>
/// What the log exports check before writing a byte: the acting person may read this organization's logs
/// (<see cref="Permission.ViewAuditLog"/>, read from the database per request), and the filter can be read. A bad
/// filter is a 400 problem details naming the field, never a 500.
/// </summary>
internal static class LogExportRequest
{
    public static async Task<(OrganizationSummary? Organization, IResult? Refusal)> AuthorizeAsync(Guid organizationId, HttpContext http,
        OrganizationAccessService access)
    {
        var granted = await access.CheckAsync(organizationId, http.User.GetPersonId(), Permission.ViewAuditLog, http.RequestAborted);
        return granted.Outcome switch
        {
            // An empty 404: the status-code pages answer with the portal's own "does not exist" page, as for pages.
            AccessOutcome.NotFound => (null, Results.NotFound()),
            AccessOutcome.Forbidden => (null, Results.Text(granted.Reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)),
            AccessOutcome.Granted => (granted.Organization, null),
        };
    }

    public static IResult Invalid(InvalidInputError error) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [error.Field] = [error.Message] },
        title: "The export's filter is not valid", detail: error.Message);
}
