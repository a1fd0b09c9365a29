using System.ComponentModel;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/scim-tokens</c>: the key's parent's directory tokens, as "Set up SCIM / Manage SCIM" lists, generates and
/// revokes them, through the same service and permission (<see cref="ScimSetupService"/>: parent admins only). A
/// directory token reaches every organization of the parent, so a key limited to some organizations may not touch
/// them (403), whatever its creator's roles.
/// </summary>
internal static class ScimTokenEndpoints
{
    private const string Tag = "SCIM tokens";

    public static RouteGroupBuilder MapScimTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/scim-tokens").WithTags(Tag);
        tokens.MapGet("", ListAsync)
            .WithName("ListScimTokens")
            .WithSummary("List the directory's SCIM tokens")
            .WithDescription("The parent's active SCIM tokens: id, prefix (the secret's first characters, as the portal shows them), when and by whom " +
                "created, last used. Never the secret. A key limited to some organizations gets 403: the tokens are the whole parent's.")
            .Produces<ApiList<ApiScimToken>>();
        tokens.MapPost("", GenerateAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("GenerateScimToken")
            .WithSummary("Generate a SCIM token")
            .WithDescription("A new token for the IdP's provisioning settings; its `secret` is in this answer only. Refused as in the portal: " +
                "a plan without directory sync (403 `DirectorySyncNotInPlan`), the limit of active tokens reached (409 `TooManyActiveTokens`). " +
                "Needs a read-write key whose creator is a parent admin.")
            .Produces<ApiGeneratedScimToken>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tokens.MapDelete("/{tokenId:guid}", RevokeAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RevokeScimToken")
            .WithSummary("Revoke a SCIM token")
            .WithDescription("The IdP using it is refused from then on. The directory's last token, while organizations use directory sync, only " +
                "with `confirm` set to its prefix, as the portal asks it typed (else 400 `TokenRevokeNotConfirmed`). Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ScimSetupService scim)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await scim.ListForParentAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } tokens
            ? Results.Ok(new ApiList<ApiScimToken>([.. tokens.Select(ApiScimToken.From)], null))
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: RefusalCategory.NotAllowed.ToString(), detail: "The key's creator may not view this parent.");
    }

    private static async Task<IResult> GenerateAsync(HttpContext http, ScimSetupService scim)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var change = await scim.GenerateAsync(caller.ParentId, caller.PersonId, http.RequestAborted);
        if (change.Error is { } error)
        {
            return ApiRefusals.Problem(error);
        }

        var made = change.Tokens.First(t => change.Secret!.StartsWith(t.Prefix, StringComparison.Ordinal));
        return Results.Json(new ApiGeneratedScimToken(made.Id, made.Prefix, change.Secret!, made.CreatedAt), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync([Description("The token's id, as the token list gives it.")] Guid tokenId,
        [Description("The token's prefix, when it is the directory's last token and organizations use directory sync.")] string? confirm,
        HttpContext http, ScimSetupService scim)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        var change = await scim.RevokeAsync(caller.ParentId, tokenId, caller.PersonId, confirm, http.RequestAborted);
        return change.Error is { } error ? ApiRefusals.Problem(error) : Results.NoContent();
    }

    private static IResult? WholeParentRefused(HttpContext http) =>
        ApiRefusals.WholeParentRefused(http, "SCIM tokens reach every organization of the parent");
}
