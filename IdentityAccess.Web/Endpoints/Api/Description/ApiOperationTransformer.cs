using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IdentityAccess.Web.Endpoints.Api.Description;

/// <summary>
/// What every operation of the API shares, derived from its endpoint rather than written on each: the key it needs (any
/// endpoint behind the API's policies), and examples for the paging and search parameters every list takes.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Func<JsonNode>> _parameterExamples = new(StringComparer.Ordinal)
    {
        ["cursor"] = () => JsonValue.Create("djE6MTAw"),
        ["limit"] = () => JsonValue.Create(100),
        ["search"] = () => JsonValue.Create("carol"),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var needsKey = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Any(a => a.Policy is ApiCallers.ReadPolicy or ApiCallers.WritePolicy);
        if (needsKey)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ManagementApiDocument.SecurityScheme, context.Document)] = [],
            });
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && _parameterExamples.TryGetValue(name, out var example))
            {
                parameter.Example = example();
            }
        }

        return Task.CompletedTask;
    }
}
