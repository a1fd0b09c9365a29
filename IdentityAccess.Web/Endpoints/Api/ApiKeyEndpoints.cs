using System.ComponentModel;
using IdentityAccess.Core.Api.Keys;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/api-keys</c>: the parent's API keys, as the parent page's "API keys" section lists and revokes them,
/// through the same service and permission (<see cref="ApiKeyAdministration"/>: parent admins only). Creating a key
/// stays in the portal by design: a leaked key must not be able to mint keys that outlive its revocation.
/// </summary>
internal static class ApiKeyEndpoints
{
    private const string Tag = "API keys";

    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags(Tag);
        keys.MapGet("", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("List the parent's API keys")
            .WithDescription("The parent's keys that are not revoked, newest first: name, prefix, scope, the organizations it is limited to (none: " +
                "the whole parent), creator, created, expires, last used. Never a secret. Keys are created in the portal only. " +
                "A key limited to some organizations gets 403.")
            .Produces<ApiList<ApiKeyListing>>();
        keys.MapDelete("/{keyId:guid}", RevokeAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key answers 401 from its next request. A key may revoke itself (a rotation script's last step). " +
                "404 `ApiKeyNotFound` for a key already revoked or of another parent. Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiKeyAdministration keys)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await keys.ListAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } list
            ? Results.Ok(new ApiList<ApiKeyListing>([.. list.Select(ApiKeyListing.From)], null))
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> RevokeAsync([Description("The key's id, as the key list gives it.")] Guid keyId, HttpContext http, ApiKeyAdministration keys)
    {
        if (WholeParentRefused(http) is { } refused)
        {
            return refused;
        }

        var caller = http.RequiredApiCaller();
        return await keys.RevokeAsync(caller.ParentId, keyId, caller.PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : Results.NoContent();
    }

    private static IResult? WholeParentRefused(HttpContext http) =>
        ApiParentResources.KeyLimitedRefusal(http, "its API keys are the whole parent's");
}
