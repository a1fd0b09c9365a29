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
            // Per field too, as a validation problem says it, so a client reads bad input one way whichever resource refused it.
            extensions["errors"] = new Dictionary<string, string[]> { [invalid.Field] = [refusal.Message] };
        }

        return Results.Problem(statusCode: RefusalStatus.Of(refusal), title: refusal.Category.ToString(), detail: refusal.Message, extensions: extensions);
    }

    /// <summary>
    /// What a key limited to some organizations, or of another parent, is told about an organization it may not reach:
    /// the same as for one that does not exist, so it learns nothing of it.
    /// </summary>
    public static IResult OrganizationNotFound() => Problem(new Core.Access.OrganizationNotFound());
}
