using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IdentityAccess.Web.Endpoints.Api.Description;

/// <summary>
/// What the document says as a whole: its title and introduction, the bearer scheme of API keys, and no servers (a
/// reader uses the address the document came from; the test server's dynamic port would otherwise make it unstable).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "IdentityAccess management API",
            Version = "v1",
            Description = "Read and manage a parent organization's organizations and members with the same permission checks as the portal. " +
                "Every request carries an API key (`Authorization: Bearer ia_…`) that a parent admin created; the key acts as that admin. " +
                "Every error is an RFC 9457 problem (`application/problem+json`). Lists are paged with an opaque `cursor`: pass back " +
                "`nextCursor` until it is null. Each key has its own rate limit; a request over it gets 429 with `Retry-After`.",
        };
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ManagementApiDocument.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ia_<prefix>_<secret>",
            Description = "An API key of the parent organization, shown once when a parent admin created it on the parent's page.",
        };
        return Task.CompletedTask;
    }
}
