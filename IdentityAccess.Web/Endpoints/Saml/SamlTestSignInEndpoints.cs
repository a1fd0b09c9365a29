using IdentityAccess.Core.Access;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>
/// "Test sign-in" from the SSO panel: a plain form (antiforgery checked) that opens in a new tab, sends that tab to the
/// IdP with a login marked as a test, and, once the ACS has reported, shows the result page. The tab keeps the
/// admin's own session throughout: a test never signs anyone in.
/// </summary>
internal static class SamlTestSignInEndpoints
{
    public const string StartPath = "/sso/test/start";

    public static string ResultPath(Guid testId) => $"/sso/test/{testId}";

    public static IResult ToResult(Guid testId) => Results.LocalRedirect(ResultPath(testId));

    public static IEndpointRouteBuilder MapSamlTestSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(StartPath, StartAsync).RequireAuthorization();
        return app;
    }

    /// <param name="metadata">Pasted metadata to test before saving; empty to test the saved connection.</param>
    private static async Task<IResult> StartAsync(HttpContext http, [FromForm] Guid parentId, [FromForm] string? metadata, [FromForm] SamlAttributePreset? preset,
        [FromForm] SamlSubjectSource? subjectSource, [FromForm] string? subjectAttribute, [FromForm] string? emailAttribute,
        [FromForm] string? displayNameAttribute, [FromForm] string? groupsAttribute, SamlTestSignInService tests, SamlServiceProvider sp)
    {
        if (http.User.GetPersonId() is not { } personId || http.User.GetSessionId() is not { } sessionId)
        {
            return Refused(http, new NotSignedIn());
        }

        var draft = string.IsNullOrWhiteSpace(metadata) ? null : new SamlTestDraftInput(metadata, preset ?? SamlAttributePreset.EntraId,
            new SamlCustomAttributes(subjectSource ?? SamlSubjectSource.PersistentNameId, subjectAttribute, emailAttribute, displayNameAttribute, groupsAttribute));
        var (start, refusal) = await tests.StartAsync(parentId, personId, sessionId, sp.For(http.Request), draft, http.RequestAborted);
        if (start is null)
        {
            return Refused(http, refusal!);
        }

        SamlStateCookie.Append(http, start.Nonce);
        return SamlContinuePage.To(start.RedirectUrl); // not a redirect: form-action 'self' would block the form's navigation to the IdP
    }

    private static IResult Refused(HttpContext http, Core.Common.Error refusal) =>
        SamlSignInPages.Page(http, RefusalStatus.Of(refusal), SamlSignInPages.Words(http)["Problem.TestSignInTitle"], SamlSignInPages.Words(http).Refusal(refusal));
}
