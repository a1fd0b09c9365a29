using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/sso-connection/metadata/…</c>: the metadata URL's refresh, as the SSO panel's Refresh now, Stop refreshing
/// and Roll back do, through <see cref="SamlMetadataRefreshService"/> and its permission (parent admins).
/// </summary>
internal static class SsoMetadataSourceEndpoints
{
    public static RouteGroupBuilder MapSsoMetadataSourceEndpoints(this RouteGroupBuilder sso)
    {
        sso.MapPost("/metadata/refresh", RefreshAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RefreshSsoMetadata")
            .WithSummary("Fetch the metadata URL again now")
            .WithDescription("As the panel's Refresh now: fetches the connection's metadata URL, applies new signing keys of the same IdP and " +
                "resumes a paused refresh. Refused without a URL (409 `MetadataSourceMissing`) or when the URL now serves another IdP (409 " +
                "`MetadataEntityChanged`); a fetch that fails is a 400 `MetadataFetchFailed`, the last good metadata kept. Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapDelete("/metadata/url", StopRefreshingAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("StopRefreshingSsoMetadata")
            .WithSummary("Stop refreshing the metadata from its URL")
            .WithDescription("The connection keeps the metadata it has; nothing is fetched any more. 409 `MetadataSourceMissing` when it was " +
                "not imported from a URL. Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        sso.MapPost("/metadata/rollback", RollBackAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("RollBackSsoMetadata")
            .WithSummary("Put back the metadata the last import or refresh replaced")
            .WithDescription("As the panel's Roll back: the previous signing keys and SSO URL are trusted again (a second rollback undoes the " +
                "first); a URL's refresh pauses until refreshed by hand. 409 `NoPreviousMetadata` when nothing was replaced. Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return sso;
    }

    private static Task<IResult> RefreshAsync([AsParameters] ApiSsoConnectionReader reader, SamlMetadataRefreshService urls) =>
        reader.ChangeAsync(urls.RefreshNowAsync);

    private static Task<IResult> StopRefreshingAsync([AsParameters] ApiSsoConnectionReader reader, SamlMetadataRefreshService urls) =>
        reader.ChangeAsync(urls.StopRefreshingAsync);

    private static Task<IResult> RollBackAsync([AsParameters] ApiSsoConnectionReader reader, SamlMetadataRefreshService urls) =>
        reader.ChangeAsync(urls.RollBackAsync);
}
