using System.ComponentModel;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.SpKeys;
using IdentityAccess.Web.Endpoints.Saml;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/sso-connection/sp-keys</c>, <c>/sign-authn-requests</c> and <c>/sp-metadata</c>: the parent's own SAML SP
/// keys as the SSO panel's keys section rotates them (prepare a next key, make it current, retire the previous one),
/// signing AuthnRequests on or off, and the SP metadata the panel downloads for the IdP, through the same service and
/// permission (<see cref="SamlSpKeyService"/>: parent admins). The keys serve every organization of the parent, so a key
/// limited to some organizations may not touch them (403).
/// </summary>
internal static class SpKeyEndpoints
{
    private const string Reach = "the SP keys sign and decrypt sign-ins to every organization of the parent";

    public static RouteGroupBuilder MapSpKeyEndpoints(this RouteGroupBuilder api)
    {
        var sso = api.MapGroup("/sso-connection").WithTags(SsoConnectionEndpoints.Tag);
        sso.MapGet("/sp-keys", ListAsync)
            .WithName("ListSpKeys")
            .WithSummary("List the SP signing and encryption keys")
            .WithDescription("The parent's SAML SP keys as the SSO panel lists them: for each use (`Signing`, `Encryption`) the `Current` key, a " +
                "`Next` one when prepared, a `Previous` one until retired; each with its id, dates, SHA-256 fingerprint, SHA-1 thumbprint and " +
                "public certificate (PEM). Never a private key. A current key of each use is made the first time it is needed. A key limited to " +
                "some organizations gets 403.")
            .Produces<ApiSpKeys>();
        sso.MapPost("/sp-keys/{use}/prepare-next", PrepareNextAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("PrepareNextSpKey")
            .WithSummary("Prepare the next SP key")
            .WithDescription("Step one of a rotation: a new key of that use (`signing` or `encryption`), published in the SP metadata beside the " +
                "current one so the IdP can take it up. 409 `SpKeyNextExists` when one is already prepared. Needs a read-write key.")
            .Produces<ApiSpKeys>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapPost("/sp-keys/{use}/promote-next", PromoteNextAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("PromoteNextSpKey")
            .WithSummary("Make the next SP key current")
            .WithDescription("Step two, once the IdP has the new metadata: the next key becomes current (signs, listed first) and the current one " +
                "previous (still decrypts). 409 `SpKeyNoNext` with nothing prepared, `SpKeyPreviousExists` while a previous key is kept. Needs a " +
                "read-write key.")
            .Produces<ApiSpKeys>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapDelete("/sp-keys/{keyId:guid}", RetireAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RetireSpKey")
            .WithSummary("Retire an SP key")
            .WithDescription("Step three: deletes a previous (or an unwanted next) key; nothing decrypts with it any more. The current key cannot be " +
                "retired (409 `SpKeyCurrentCannotBeRetired`); an unknown key is 404 `SpKeyNotFound`. Needs a read-write key.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapPut("/sign-authn-requests", SetSignAuthnRequestsAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetSignAuthnRequests")
            .WithSummary("Sign AuthnRequests, or stop")
            .WithDescription("As the panel's switch: on, the parent's AuthnRequests are signed with its current signing key, and the SP metadata says " +
                "so. `sign` is required (400). 409 `SamlConnectionMissing` before metadata is imported. Needs a read-write key.")
            .Accepts<ApiSignAuthnRequestsRequest>("application/json")
            .Produces<ApiSpKeys>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapGet("/sp-metadata", MetadataAsync)
            .WithName("GetSpMetadata")
            .WithSummary("Download the SP metadata")
            .WithDescription("The portal's SAML SP metadata for this parent's IdP, as the panel's download: entity ID, reply (ACS) URL, the current " +
                "and next signing and encryption certificates, and whether requests are signed. `application/samlmetadata+xml`. A key limited to " +
                "some organizations gets 403.")
            .Produces<string>(StatusCodes.Status200OK, "application/samlmetadata+xml");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, SamlSpKeyService keys) =>
        ApiParentResources.KeyLimitedRefusal(http, Reach) ?? await ReadAsync(http, keys);

    private static Task<IResult> PrepareNextAsync([Description("`signing` or `encryption`.")] string use, HttpContext http, SamlSpKeyService keys) =>
        WithUseAsync(use, http, keys, (parentId, parsed, personId, cancellationToken) => keys.PrepareNextAsync(parentId, parsed, personId, cancellationToken));

    private static Task<IResult> PromoteNextAsync([Description("`signing` or `encryption`.")] string use, HttpContext http, SamlSpKeyService keys) =>
        WithUseAsync(use, http, keys, (parentId, parsed, personId, cancellationToken) => keys.PromoteNextAsync(parentId, parsed, personId, cancellationToken));

    private static async Task<IResult> RetireAsync([Description("The key's id, as the key list gives it.")] Guid keyId, HttpContext http, SamlSpKeyService keys)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        var caller = http.RequiredApiCaller();
        return await keys.RetireAsync(caller.ParentId, keyId, caller.PersonId, http.RequestAborted) is { } error ? ApiRefusals.Problem(error) : Results.NoContent();
    }

    private static async Task<IResult> SetSignAuthnRequestsAsync(ApiSignAuthnRequestsRequest body, HttpContext http, SamlSpKeyService keys)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        if (body.Sign is not { } sign)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("sign", "Required", "'sign' is required: true or false.")]);
        }

        var caller = http.RequiredApiCaller();
        return await keys.SetSignAuthnRequestsAsync(caller.ParentId, sign, caller.PersonId, http.RequestAborted) is { } error
            ? ApiRefusals.Problem(error)
            : await ReadAsync(http, keys);
    }

    private static async Task<IResult> MetadataAsync(HttpContext http, SamlSpKeyService keys, SamlServiceProvider sp)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        var caller = http.RequiredApiCaller();
        return await keys.MetadataKeysAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } published
            ? Results.Text(SpMetadataWriter.Write(sp.For(http.Request), published), SamlSpMetadataEndpoints.ContentType)
            : ApiParentResources.CreatorMayNotView();
    }

    private static async Task<IResult> WithUseAsync(string use, HttpContext http, SamlSpKeyService keys,
        Func<Guid, SamlSpKeyUse, Guid, CancellationToken, Task<Error?>> change)
    {
        if (ApiParentResources.KeyLimitedRefusal(http, Reach) is { } limited)
        {
            return limited;
        }

        if (ApiSettingsRequestReader.Name<SamlSpKeyUse>(use) is not { } parsed)
        {
            return ApiMemberProblems.Invalid([ApiRefusal.Invalid("use", "Unknown", $"'{use}' is not a key use: `signing` or `encryption`.")]);
        }

        var caller = http.RequiredApiCaller();
        return await change(caller.ParentId, parsed, caller.PersonId, http.RequestAborted) is { } error ? ApiRefusals.Problem(error) : await ReadAsync(http, keys);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, SamlSpKeyService keys)
    {
        var caller = http.RequiredApiCaller();
        return await keys.GetAsync(caller.ParentId, caller.PersonId, http.RequestAborted) is { } view
            ? Results.Ok(ApiSpKeys.From(view))
            : ApiParentResources.CreatorMayNotView();
    }
}
