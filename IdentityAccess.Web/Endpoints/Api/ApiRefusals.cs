using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A Core refusal as an RFC 9457 problem: the status from its category, its English sentence as the detail.</summary>
internal static class ApiRefusals
{
    /// <remarks>Its <c>code</c> says which refusal it is (the Core error's name), beside the category in the title.</remarks>
    public static IResult Problem(Error refusal)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = ApiRefusal.AsSent(refusal).Code };
        if (refusal is InvalidInputError invalid)
        {
            extensions["field"] = invalid.Field;
        }

        return Results.Problem(statusCode: RefusalStatus.Of(refusal), title: refusal.Category.ToString(), detail: refusal.Message, extensions: extensions);
    }

    /// <summary>
    /// What a key limited to some organizations, or of another parent, is told about an organization it may not reach:
    /// the same as for one that does not exist, so it learns nothing of it.
    /// </summary>
    public static IResult OrganizationNotFound() => Problem(new Core.Access.OrganizationNotFound());

    /// <summary>
    /// What a key limited to some organizations is told when it asks for an act on the whole parent (SCIM tokens, a new
    /// organization, Sync now of every organization), <paramref name="why"/> saying which: 403, whatever its creator's roles.
    /// </summary>
    public static IResult? WholeParentRefused(HttpContext http, string why) =>
        http.RequiredApiCaller().OrganizationIds.Count > 0
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: RefusalCategory.NotAllowed.ToString(),
                detail: $"This key is limited to some organizations; {why}. Use a key without a limit.",
                extensions: new Dictionary<string, object?> { ["code"] = "KeyLimitedToOrganizations" })
            : null;
}
