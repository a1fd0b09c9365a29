using System.ComponentModel;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using Microsoft.OpenApi;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// <c>/api/v1/sso-connection/metadata</c> and <c>/attribute-names</c>: importing the IdP's metadata (pasted, or from
/// its URL through <see cref="SamlMetadataRefreshService"/>, whose address guard keeps the fetch off private networks)
/// and changing the attribute names, as the SSO panel does, through its services and permission (parent admins).
/// </summary>
internal static class SsoMetadataEndpoints
{
    public static RouteGroupBuilder MapSsoMetadataEndpoints(this RouteGroupBuilder sso)
    {
        sso.MapPut("/metadata", ImportAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("ImportSsoMetadata")
            .WithSummary("Import the IdP's metadata")
            .WithDescription("Creates or replaces the connection from the IdP's SAML metadata, as the panel's import: the XML itself as " +
                "`application/samlmetadata+xml` or `application/xml` with `?preset=EntraId` (or `Okta`, `GoogleWorkspace`, `OneLogin`, `JumpCloud`, " +
                "`PingOne`, `Adfs`, `Custom`), or JSON with `metadataXml` or `metadataUrl`, `preset` and optionally `names`. A URL must be https on " +
                "a public address; the portal fetches it now and daily after. Metadata that is not one IdP's, has no signing certificate or a key " +
                "under 2048 bits, or a URL refused or not fetched, is a 400 with `code`. A replacement keeps the connection on or off. Up to 1 MB. " +
                "Needs a read-write key.")
            .Accepts<ApiSsoMetadataImport>("application/json", ApiSsoRequestReader.XmlMediaTypes)
            .AddOpenApiOperationTransformer((operation, _, _) => DescribeXmlBodies(operation))
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        sso.MapPut("/attribute-names", SetAttributeNamesAsync).RequireAuthorization(ApiCallers.WritePolicy)
            .WithName("SetSsoAttributeNames")
            .WithSummary("Change the attribute names")
            .WithDescription("Which SAML attributes say who a person is (the subject), their email, name and groups, as the panel's editor sets " +
                "them: a `preset` alone takes its names; `names` sets them all. Refused without an email attribute, or a subject attribute unless " +
                "the NameID is persistent (400), and before metadata is imported (409 `SamlConnectionMissing`). Needs a read-write key.")
            .Produces<ApiSsoConnection>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return sso;
    }

    /// <summary>One <c>Accepts</c> for every media type (routing reads one), so the XML ones are said to be the document itself here.</summary>
    private static Task DescribeXmlBodies(OpenApiOperation operation)
    {
        foreach (var mediaType in ApiSsoRequestReader.XmlMediaTypes)
        {
            if (operation.RequestBody?.Content?.TryGetValue(mediaType, out var body) == true)
            {
                body.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The IdP's SAML 2.0 metadata (an EntityDescriptor); the preset in `?preset=`." };
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<IResult> ImportAsync(
        [Description("With an XML body: the IdP the attribute names start from (`EntraId`, `Okta`, … `Custom`). With JSON, `preset` in the body.")] string? preset,
        [AsParameters] ApiSsoConnectionReader reader, SamlMetadataRefreshService urls)
    {
        if (ApiParentResources.KeyLimitedRefusal(reader.Http, SsoConnectionEndpoints.Reach) is { } limited)
        {
            return limited;
        }

        var (input, refused) = await ApiSsoRequestReader.ReadMetadataAsync(reader.Http.Request, preset);
        if (input is null)
        {
            return refused!;
        }

        var connections = reader.Connections;
        return await reader.ChangeAsync((parentId, personId, cancellationToken) => input.Url is { } url
            ? urls.ImportFromUrlAsync(parentId, url, input.Preset, personId, input.Names, cancellationToken)
            : connections.ImportMetadataAsync(parentId, input.Xml!, input.Preset, personId, input.Names, cancellationToken));
    }

    private static async Task<IResult> SetAttributeNamesAsync(ApiSamlAttributeNamesRequest body, [AsParameters] ApiSsoConnectionReader reader)
    {
        if (ApiParentResources.KeyLimitedRefusal(reader.Http, SsoConnectionEndpoints.Reach) is { } limited)
        {
            return limited;
        }

        var errors = new List<ApiRefusal>();
        if (ApiSsoRequestReader.ReadAttributeNames(body, errors) is not { } names)
        {
            return ApiMemberProblems.Invalid(errors);
        }

        var service = reader.Names;
        return await reader.ChangeAsync((parentId, personId, cancellationToken) => service.SetAsync(parentId, names.Preset, names.Names, personId, cancellationToken));
    }
}
