using IdentityAccess.Web.Startup;
using Scalar.AspNetCore;

namespace IdentityAccess.Web.Endpoints.Api.Description;

/// <summary>
/// The management API's OpenAPI 3.1 document (<c>/openapi/v1.json</c>) and its reference page (<c>/api/docs</c>, Scalar).
/// Both are descriptions only, built from the endpoints' metadata: anonymous GETs that hold no data, served wherever the
/// API is. Only <c>/api/v1</c> is described; SCIM, SAML and the portal's own endpoints stay out of it.
/// </summary>
internal static class ManagementApiDocument
{
    public const string Name = "v1";

    public const string Route = "/openapi/{documentName}.json";

    public const string DocsRoute = "/api/docs";

    /// <summary>The security scheme's name in the document, which every operation behind a key refers to.</summary>
    public const string SecurityScheme = "ApiKey";

    public static IServiceCollection AddManagementApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<ApiSchemaExamples>();
        });

    public static IEndpointRouteBuilder MapManagementApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Route).AllowAnonymous();
        // Offline: Scalar's script is served from the package itself (/api/docs/scalar.js); its default fonts, telemetry,
        // AI agent, MCP server and the developer toolbar's links would reach Scalar's servers, so all are off. Its inline
        // script carries this response's nonce, so the portal's Content-Security-Policy allows it without being widened.
        app.MapScalarApiReference(DocsRoute, (options, http) =>
        {
            options.WithTitle("IdentityAccess management API")
                .WithOpenApiRoutePattern(Route)
                .AddDocument(Name)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(SecurityScheme);
            if (SecurityHeaders.ScriptNonce(http) is { } nonce)
            {
                options.WithNonce(nonce);
            }
        }).AllowAnonymous();
        return app;
    }
}
