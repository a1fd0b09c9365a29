using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The members resource's refusals as RFC 9457 problems, as the settings resource says its own
/// (<see cref="ApiSettingsProblems"/>): the title is the portal's refusal category, <c>code</c> says which refusal.
/// </summary>
internal static class ApiMemberProblems
{
    /// <summary>
    /// What the members page's dialog would show, as one problem: values that are not valid first (400 with
    /// <c>errors</c> per field), otherwise the first refusal with its category's status (403, 404, 409).
    /// </summary>
    public static IResult Refused(IReadOnlyList<Error> refusals)
    {
        var aboutInput = refusals.OfType<InvalidInputError>().Select(ApiRefusal.AsSent).ToList();
        if (aboutInput.Count > 0)
        {
            return Invalid(aboutInput);
        }

        return ApiRefusals.Problem(refusals[0]);
    }

    /// <summary>400 with <c>errors</c> per field and each refusal's code, in the settings resource's shape.</summary>
    public static IResult Invalid(IReadOnlyList<ApiRefusal> errors) =>
        ApiSettingsProblems.Invalid(errors, "Some of the values sent are not valid; nothing was changed.");
}
