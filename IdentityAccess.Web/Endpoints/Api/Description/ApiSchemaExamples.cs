using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IdentityAccess.Web.Endpoints.Api.Description;

/// <summary>
/// An example for each resource the API returns and each request body of the members resource, made from the record
/// itself and serialized as the API serializes it, so an example cannot drift from the shape it illustrates.
/// Fictitious values: the document holds no one's data.
/// </summary>
internal sealed class ApiSchemaExamples : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, object> _examples = new()
    {
        [typeof(ApiOrganization)] = new ApiOrganization(Guid.Parse("0b5e6c1e-7d0a-4f6e-9a51-2f1f3c8d9e01"), "Acme", "Enterprise", "Chat", "Scim"),
        [typeof(ApiMember)] = new ApiMember(Guid.Parse("6d2a9f40-1c3b-4b8e-8f7a-5e4d3c2b1a09"), Guid.Parse("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"),
            "carol@acme.example", "Carol Example", "User", "Standard", "Active", "Scim", new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero), null, "Admin"),
        [typeof(ApiNewMemberRequest)] = new ApiNewMemberRequest("dana@acme.example", "Dana Example", "User", "Standard", Invite: false),
        [typeof(ApiMemberChangeRequest)] = new ApiMemberChangeRequest("Admin", "Premium"),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && _examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, JsonSerializerOptions.Web)!];
        }

        return Task.CompletedTask;
    }
}
