using System.Text.Json.Serialization;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>One axe rule broken, with every element that breaks it.</summary>
public sealed record AxeViolation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("impact")] string Impact,
    [property: JsonPropertyName("help")] string Help,
    [property: JsonPropertyName("nodes")] IReadOnlyList<AxeNode> Nodes);
