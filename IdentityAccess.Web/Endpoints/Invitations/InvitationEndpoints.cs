using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.Invitations;

/// <summary>
/// Accepting an invitation: the accept page's button posts the link's secret here (antiforgery checked), signed in as
/// the invited person. Opening the link (a GET, which mail scanners do too) never accepts anything.
/// </summary>
internal static class InvitationEndpoints
{
    public const string AcceptPath = "/invitations/accept";

    public static string JoinedPath(Guid organizationId) => $"/invitations/joined/{organizationId}";

    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AcceptPath, AcceptAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, [FromForm] string? secret, InvitationAcceptance invitations)
    {
        var outcome = await invitations.AcceptAsync(secret, http.User.GetPersonId() ?? Guid.Empty, http.RequestAborted);
        return outcome.Joined is { } joined
            ? Results.LocalRedirect(JoinedPath(joined.OrganizationId))
            : SamlSignInPages.Page(http, RefusalStatus.Of(outcome.Refusal!), SamlSignInPages.Words(http)["Problem.InvitationTitle"], SamlSignInPages.Words(http).Refusal(outcome.Refusal!));
    }
}
