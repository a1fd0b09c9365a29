using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Resources that are the whole parent's (SCIM tokens, domains, the SSO connection): each reaches every organization of
/// the parent, so a key limited to some organizations may not touch them, whatever its creator's roles.
/// </summary>
internal static class ApiParentResources
{
    /// <summary>403 <c>KeyLimitedToOrganizations</c> for a key limited to some organizations; null for a key of the whole parent.</summary>
    /// <param name="reach">Why the resource is the whole parent's, as a sentence, e.g. "SCIM tokens reach every organization of the parent".</param>
    public static IResult? KeyLimitedRefusal(HttpContext http, string reach) =>
        http.RequiredApiCaller().OrganizationIds.Count > 0
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: RefusalCategory.NotAllowed.ToString(),
                detail: $"This key is limited to some organizations; {reach}. Use a key without a limit.",
                extensions: new Dictionary<string, object?> { ["code"] = "KeyLimitedToOrganizations" })
            : null;

    /// <summary>403 when the Core read answers nothing: the key's creator lost the right to view the parent meanwhile.</summary>
    public static IResult CreatorMayNotView() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: RefusalCategory.NotAllowed.ToString(), detail: "The key's creator may not view this parent.");
}
