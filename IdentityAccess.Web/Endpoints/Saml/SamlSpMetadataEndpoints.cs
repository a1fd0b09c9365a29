using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.SpKeys;
using IdentityAccess.Web.Auth;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>
/// A parent's SP metadata, with the parent's signing and encryption certificates: at a public URL (certificates are
/// public; IdPs such as ADFS read it from there) and as a file for the parent's admins (the SSO panel's button).
/// </summary>
internal static class SamlSpMetadataEndpoints
{
    public const string ContentType = "application/samlmetadata+xml; charset=utf-8";

    public static string PathFor(Guid parentId) => $"{SamlServiceProvider.MetadataPath}/{parentId}";

    public static string DownloadPathFor(Guid parentId) => PathFor(parentId) + "/download";

    public static IEndpointRouteBuilder MapSamlSpMetadataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SamlServiceProvider.MetadataPath + "/{parentId:guid}", async (HttpContext http, Guid parentId, SamlSpKeyStore keys, SamlServiceProvider sp) =>
            await keys.MetadataKeysAsync(parentId, http.RequestAborted) is { } published
                ? Results.Text(SpMetadataWriter.Write(sp.For(http.Request), published), ContentType)
                : Results.NotFound()).AllowAnonymous();
        app.MapGet(SamlServiceProvider.MetadataPath + "/{parentId:guid}/download", DownloadAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Only the parent's admins; anyone else gets the same 404 as for a parent that does not exist.</summary>
    private static async Task<IResult> DownloadAsync(HttpContext http, Guid parentId, SamlSpKeyService keys, SamlServiceProvider sp)
    {
        if (http.User.GetPersonId() is not { } personId || await keys.MetadataKeysAsync(parentId, personId, http.RequestAborted) is not { } published)
        {
            return Results.NotFound();
        }

        var xml = System.Text.Encoding.UTF8.GetBytes(SpMetadataWriter.Write(sp.For(http.Request), published));
        return Results.File(xml, ContentType, "identityaccess-sp-metadata.xml");
    }
}
