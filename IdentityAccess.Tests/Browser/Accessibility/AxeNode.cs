using System.Text.Json.Serialization;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>An element that breaks an axe rule: its CSS path and axe's summary of what to fix.</summary>
public sealed record AxeNode(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("summary")] string Summary);
