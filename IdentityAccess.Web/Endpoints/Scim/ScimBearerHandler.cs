using System.Text.Encodings.Web;
using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The SCIM bearer token as an authentication scheme: the token selects the directory. Not the default scheme, so it
/// authenticates nothing but the SCIM endpoints (whose policy names only it): a SCIM token never opens the portal or
/// /api, and a portal cookie never opens SCIM. Without a valid token the challenge is 401 in the SCIM error format
/// (Okta probes with "Authorization: non-token"); a valid token of a parent whose plan has no directory sync is
/// forbidden, 403 naming the plan.
/// </summary>
internal sealed class ScimBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    ScimTokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ScimBearer";

    /// <summary>The authorization policy of every SCIM endpoint: this scheme only, and a plan with directory sync.</summary>
    public const string PolicyName = "ScimDirectory";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await tokens.IdentifyAsync(header[7..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("Not a SCIM token of this portal.");
        }

        Context.Items[ScimRequest.CallerKey] = caller; // a revoked token's refusal is logged against its directory
        return caller.IsActive
            ? AuthenticateResult.Success(new AuthenticationTicket(ScimPrincipal.For(caller), SchemeName))
            : AuthenticateResult.Fail("The SCIM token was revoked.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ScimResponses.WriteErrorAsync(Context, new ScimError(StatusCodes.Status401Unauthorized, null, Context.Caller() is { IsActive: false }
            ? "This SCIM bearer token was revoked. Use the organization's current token."
            : "A valid SCIM bearer token is required."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // A valid token of a parent whose plan has no directory sync: the directory is paused, not unknown. 403 with the
        // reason, so the IdP's provisioning log says what to change; the provisioning log records it too.
        var paused = Context.Caller() is { } caller ? DirectorySyncAvailability.Check(caller.ParentName, caller.ParentPlan) : null;
        Logger.LogInformation("SCIM request refused: the directory of parent {ParentId} is paused by its {Plan} plan.",
            Context.Caller()?.ParentOrganizationId, Context.Caller()?.ParentPlan);
        return ScimResponses.WriteErrorAsync(Context, new ScimError(StatusCodes.Status403Forbidden, null,
            paused?.Message ?? "This SCIM token may not use this directory."));
    }
}
