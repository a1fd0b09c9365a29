using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Web.Endpoints.Saml;
using IdentityAccess.Web.Startup;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The SSO connection's answer, read after a change as on a GET, through the SSO panel's own reads (parent admins and
/// viewers of the parent), with this portal's values the IdP needs. Bound with <c>[AsParameters]</c>.
/// </summary>
internal readonly record struct ApiSsoConnectionReader(HttpContext Http, SamlConnectionService Connections, SamlAttributeNamesService Names,
    SamlServiceProvider ServiceProvider, PublicBaseUrl PublicBase, TimeProvider Time)
{
    /// <summary>
    /// One change of the connection as the key's creator (parent id, person id), then the connection as it is; a key
    /// limited to some organizations is refused first, a Core refusal is its problem.
    /// </summary>
    public async Task<IResult> ChangeAsync(Func<Guid, Guid, CancellationToken, Task<Error?>> change)
    {
        if (ApiParentResources.KeyLimitedRefusal(Http, SsoConnectionEndpoints.Reach) is { } limited)
        {
            return limited;
        }

        var caller = Http.RequiredApiCaller();
        return await change(caller.ParentId, caller.PersonId, Http.RequestAborted) is { } error ? ApiRefusals.Problem(error) : await ReadAsync();
    }

    public async Task<IResult> ReadAsync()
    {
        var caller = Http.RequiredApiCaller();
        var view = await Connections.GetForParentAsync(caller.ParentId, caller.PersonId, Http.RequestAborted);
        if (view is null)
        {
            return ApiParentResources.CreatorMayNotView();
        }

        var names = view.Connection is null ? null : await Names.GetForParentAsync(caller.ParentId, caller.PersonId, Http.RequestAborted);
        // As the SSO panel shows them: the reply URL and the parent's own metadata (with its encryption and signing keys).
        var serviceProvider = new ApiServiceProvider(ServiceProvider.EntityId, PublicBase.For(Http.Request, SamlServiceProvider.AcsPath).AbsoluteUri,
            PublicBase.For(Http.Request, SamlSpMetadataEndpoints.PathFor(caller.ParentId)).AbsoluteUri);
        return Results.Ok(ApiSsoConnection.From(view, names, serviceProvider, Time.GetUtcNow()));
    }
}
