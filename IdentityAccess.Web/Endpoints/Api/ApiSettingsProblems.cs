using IdentityAccess.Core.Common;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The settings resource's refusals as RFC 9457 problems: the title is the UI's refusal category, <c>code</c> says
/// which refusal, and where a dry run explains it (an outdated fingerprint, a confirmation, a lockout) it comes along
/// as <c>dryRun</c>, so the caller reviews the new one without asking again.
/// </summary>
internal static class ApiSettingsProblems
{
    /// <summary>400 with <c>errors</c> per field (as ASP.NET Core's validation problems) and each refusal's code.</summary>
    public static IResult Invalid(IReadOnlyList<ApiRefusal> errors, string detail = "Some of the settings sent are not valid; nothing was changed.") =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Detail).ToArray()),
            detail: detail, title: nameof(RefusalCategory.InvalidInput),
            extensions: new Dictionary<string, object?> { ["refusals"] = errors });

    /// <summary>409: the directory or the settings changed since the dry run; here is the new one, with its fingerprint.</summary>
    public static IResult Outdated(ProvisioningPreview preview) => Problem(new DryRunOutdated(), StatusCodes.Status409Conflict, preview);

    /// <summary>
    /// 422: others lose access or rank and <c>confirm</c> is missing or not their number, as the typed confirmation. Not the
    /// category's usual 400: the request is well formed, and sent again with the number it succeeds.
    /// </summary>
    public static IResult ConfirmationNeeded(ConfirmationRequired confirmation, ProvisioningPreview preview) =>
        Problem(confirmation, StatusCodes.Status422UnprocessableEntity, preview, new() { ["field"] = "confirm", ["affectedOthers"] = confirmation.AffectedPeople });

    /// <summary>Any other refusal, with the status of its category (a lockout or no Owner left: 409; not allowed: 403).</summary>
    public static IResult Refused(Error refusal, ProvisioningPreview? preview) =>
        Problem(refusal, RefusalStatus.Of(refusal), preview);

    /// <summary>409: a later page of a dry run that changed meanwhile; here is the new one's first page, of the size asked for.</summary>
    public static IResult ChangedWhilePaging(ProvisioningPreview preview, ApiDryRunPage page) =>
        Problem(new DryRunChangedWhilePaging(), StatusCodes.Status409Conflict, preview, page: page with { Position = 0, Fingerprint = null });

    private static IResult Problem(Error refusal, int status, ProvisioningPreview? preview, Dictionary<string, object?>? more = null,
        ApiDryRunPage? page = null)
    {
        var extensions = more ?? [];
        extensions["code"] = ApiRefusal.From(refusal).Code;
        if (preview?.Plan is not null)
        {
            extensions["dryRun"] = ApiDryRun.From(preview, page ?? ApiDryRunPage.First);
        }

        return Results.Problem(statusCode: status, title: refusal.Category.ToString(), detail: refusal.Message, extensions: extensions);
    }
}
