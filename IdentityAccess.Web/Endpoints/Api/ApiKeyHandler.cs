using System.Security.Claims;
using System.Text.Encodings.Web;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The management API's key (<c>Authorization: Bearer ia_…</c>) as an authentication scheme. Not the default scheme,
/// so it authenticates nothing but <c>/api/v1</c> (whose policy names only it): a key never opens the portal, and a
/// portal cookie never opens <c>/api/v1</c>. Challenges and refusals are RFC 9457 problems, never a redirect.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    ApiKeyAuthentication keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string CheckKey = "ia.api-key-check";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await keys.CheckAsync(header[7..].Trim(), Context.RequestAborted);
        Context.Items[CheckKey] = check;
        if (check.Caller is not { } caller)
        {
            return AuthenticateResult.Fail($"API key refused: {check.Outcome}.");
        }

        Context.Items[ApiCallers.ItemKey] = caller;
        var identity = new ClaimsIdentity([new Claim(ApiCallers.KeyIdClaim, caller.KeyId.ToString()), new Claim(ClaimTypes.Name, caller.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var outcome = (Context.Items[CheckKey] as ApiKeyCheck)?.Outcome;
        return ApiProblems.KeyNotValid(outcome switch
        {
            ApiKeyCheckOutcome.Revoked => "This API key was revoked. Ask a parent admin for a new one.",
            ApiKeyCheckOutcome.Expired => "This API key has expired. Ask a parent admin for a new one.",
            null => "Send an API key as 'Authorization: Bearer ia_…'. Parent admins create keys on the parent organization's page.",
            ApiKeyCheckOutcome.Unknown or ApiKeyCheckOutcome.Valid => "This is not a valid API key of this portal.",
        }).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.KeyRefused(Context.ApiCaller() is { CreatorIsParentAdmin: false }
            ? "The person who created this API key is no longer an admin of the parent organization, so the key can do nothing."
            : "This API key is read-only: ask a parent admin for a read-write key to make changes.").ExecuteAsync(Context);
}
