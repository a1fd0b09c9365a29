using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Idempotency;
using IdentityAccess.Web.Endpoints.Api.Idempotency;
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

        if (context.Description.HttpMethod == HttpMethods.Post
            && context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeys.AcceptsIdempotencyKeyMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(IdempotencyKeyParameter());
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

    private static OpenApiParameter IdempotencyKeyParameter() => new()
    {
        Name = IdempotencyKeys.HeaderName,
        In = ParameterLocation.Header,
        Required = false,
        Description = "Makes a retry safe: the same key with the same request within 24 hours gets the first answer again "
            + $"(marked `{IdempotencyKeys.ReplayedHeaderName}: true`) and nothing is done twice. The same key with another request is a 422; "
            + "a retry while the first is still being answered is a 409 with `Retry-After`. Keys belong to the API key that sent them.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = ApiIdempotencyRecord.MaxKeyLength },
        Example = JsonValue.Create("4d9f1c2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f"),
    };
}
