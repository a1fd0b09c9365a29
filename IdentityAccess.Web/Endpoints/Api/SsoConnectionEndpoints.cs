using System.ComponentModel;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.TestSignIn;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/sso-connection</c>: the key's parent's SAML IdP, as the SSO panel shows it and turns it on and off, through
/// the same services and permission (<see cref="SamlConnectionService"/>: parent admins change it). Importing metadata
/// and the attribute names are <see cref="SsoMetadataEndpoints"/>. The connection signs people in to every
/// organization of the parent, so a key limited to some organizations may not touch it (403).
/// </summary>
internal static class SsoConnectionEndpoints
{
    public const string Tag = "SSO connection";

    public const string Reach = "the SSO connection signs people in to every organization of the parent";

    public static RouteGroupBuilder MapSsoConnectionEndpoints(this RouteGroupBuilder api)
    {
        var sso = api.MapGroup("/sso-connection").WithTags(Tag);
        sso.MapGet("", GetAsync)
            .WithName("GetSsoConnection")
            .WithSummary("Get the SSO connection")
            .WithDescription("The IdP the parent trusts (entity ID, SSO URL, signing certificates with their SHA-256 fingerprints and days to " +
                "expiry), whether sign-in through it is on, the attribute names, the metadata URL and its last refresh, and `serviceProvider`: " +
                "this portal's entity ID, reply (ACS) URL and metadata URL to enter in the IdP. Before any metadata is imported, `configured` " +
                "is false and only `serviceProvider` is there. A key limited to some organizations gets 403.")
            .Produces<ApiSsoConnection>();
        sso.MapPost("/enable", EnableAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("EnableSsoConnection")
            .WithSummary("Turn sign-in through the IdP on")
            .WithDescription("As the panel's switch: the sign-in page sends people of the parent's verified domains to the IdP. Refused without " +
                "metadata (409 `SamlConnectionMissing`) or without a verified domain (409 `SsoNeedsVerifiedDomain`). Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapGet("/disable-impact", DisableImpactAsync)
            .WithName("GetSsoDisableImpact")
            .WithSummary("What turning sign-in through the IdP off would change")
            .WithDescription("The people who sign in through the IdP today and the organizations in JIT mode (nobody new is provisioned), as " +
                "the portal's dialog shows them; `confirm` is the number disabling needs sent, when anyone signs in through it.")
            .Produces<ApiSsoDisableImpact>();
        sso.MapPost("/disable", DisableAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("DisableSsoConnection")
            .WithSummary("Turn sign-in through the IdP off")
            .WithDescription("While people sign in through the IdP, only with `confirm` set to their number, as the portal asks it typed (else 400 " +
                "`SsoDisableNotConfirmed`; see disable-impact). The metadata stays, so it can be turned on again. Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapPut("/idp-initiated-sign-in", SetIdpInitiatedAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetSsoIdpInitiatedSignIn")
            .WithSummary("Allow or refuse IdP-initiated sign-in")
            .WithDescription("As the panel's switch, off by default: on, a Response nobody asked for (a tile in the IdP's app portal) is accepted, " +
                "which nothing binds to a browser. `allowed` is required (400). 409 `SamlConnectionMissing` before metadata is imported. Needs a " +
                "read-write key.")
            .Accepts<ApiIdpInitiatedSignInRequest>("application/json")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapGet("/test-result", TestResultAsync)
            .WithName("GetSsoTestResult")
            .WithSummary("The last test sign-in's outcome")
            .WithDescription("Whether the parent's last completed test sign-in passed, and the first check that failed if not. A test sign-in " +
                "needs a browser: start it from the portal's SSO panel (Test sign-in), which shows its starter the full checklist and what the " +
                "IdP sent; that detail stays with the session that started it, so it is not here. 404 `NoTestSignIn` before any test completed.")
            .Produces<ApiSsoTestResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        sso.MapSsoMetadataEndpoints().MapSsoMetadataSourceEndpoints();
        return api;
    }

    private static async Task<IResult> GetAsync([AsParameters] ApiSsoConnectionReader reader) =>
        ApiParentResources.KeyLimitedRefusal(reader.Http, Reach) ?? await reader.ReadAsync();

    private static Task<IResult> EnableAsync([AsParameters] ApiSsoConnectionReader reader) => SetEnabledAsync(reader, true, null);

    private static Task<IResult> DisableAsync(
        [Description("The number of people who sign in through the IdP (disable-impact's `confirm`), when anyone does, as the portal asks it typed.")] int? confirm,
        [AsParameters] ApiSsoConnectionReader reader) => SetEnabledAsync(reader, false, confirm);

    private static Task<IResult> SetEnabledAsync(ApiSsoConnectionReader reader, bool enabled, int? confirm) =>
        reader.ChangeAsync((parentId, personId, cancellationToken) => reader.Connections.SetEnabledAsync(parentId, enabled, personId, confirm, cancellationToken));

    private static async Task<IResult> SetIdpInitiatedAsync(ApiIdpInitiatedSignInRequest body, IdpInitiatedSignInSetting setting,
        [AsParameters] ApiSsoConnectionReader reader)
    {
        if (ApiParentResources.KeyLimitedRefusal(reader.Http, Reach) is { } refused)
        {
            return refused;
        }

        if (body.Allowed is not { } allowed)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("allowed", "Required", "'allowed' is required: true or false.")]);
        }

        return await reader.ChangeAsync((parentId, personId, cancellationToken) => setting.SetAsync(parentId, allowed, personId, cancellationToken));
    }

    private static async Task<IResult> DisableImpactAsync(HttpContext http, SamlConnectionService connections)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var (impact, error) = await connections.PreviewDisableAsync(caller.ParentId, caller.PersonId, http.RequestAborted);
        return impact is null ? ApiRefusals.Problem(error!) : Results.Ok(ApiSsoDisableImpact.From(impact));
    }

    private static async Task<IResult> TestResultAsync(HttpContext http, SamlTestSignInService tests)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } refused)
        {
            return refused;
        }

        // No portal session: the outcome only, never the result its starter alone may open.
        var caller = http.RequiredApiCaller();
        return await tests.GetLastAsync(caller.ParentId, caller.PersonId, sessionId: null, http.RequestAborted) is { } last
            ? Results.Ok(ApiSsoTestResult.From(last))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: RefusalCategory.NotFound.ToString(),
                detail: "No test sign-in has completed yet. Start one from the portal's SSO panel (Test sign-in).",
                extensions: new Dictionary<string, object?> { ["code"] = "NoTestSignIn" });
    }
}
