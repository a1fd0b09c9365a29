using System.Text.Json;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// The persistent component state a prerender leaves in the page rides back to the server in the circuit's first
/// message, whose size the Blazor hub bounds (<see cref="HubMessageLimit"/>). A page over it never becomes interactive:
/// the server closes the connection and the prerendered page stays dead (seen: an audit log of long settings changes).
/// So a section carries its data only when it is small; a larger one carries nothing and its circuit reads again.
/// </summary>
public static class PrerenderBudget
{
    /// <summary>What one section may carry, as JSON. Protected and base64-encoded it grows by about 1.4.</summary>
    public const int MaxBytesPerSection = 24 * 1024;

    /// <summary>
    /// The hub's limit on one message from the browser (SignalR's default is 32 KB). It leaves room for a page's
    /// sections at their budget (the Identity and access page has seven) and little more: it also bounds what any
    /// browser can make the server buffer.
    /// </summary>
    public const int HubMessageLimit = 320 * 1024;

    // The options the framework persists with (web defaults); the count only needs to be close.
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web);

    public static bool Fits<T>(T data) => JsonSerializer.SerializeToUtf8Bytes(data, _options).Length <= MaxBytesPerSection;
}
