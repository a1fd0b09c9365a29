using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Which people of a dry run an answer lists: the same window (<see cref="Position"/>, <see cref="Limit"/>) of every kind
/// of change and of the held changes, so a change to 100,000 people answers in pages and not in one body of many megabytes.
/// The counts are always whole.
/// </summary>
/// <remarks>
/// A dry run is not stored: each page computes it again. Its cursor therefore carries the fingerprint of the dry run it
/// pages through, and a later page of a dry run that changed meanwhile is refused (409 with the new one's first page)
/// rather than mixing two dry runs in one review.
/// </remarks>
internal readonly record struct ApiDryRunPage(int Position, int Limit, string? Fingerprint)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;
    private const string Version = "d1:";

    public static ApiDryRunPage First { get; } = new(0, DefaultLimit, null);

    /// <summary>The page asked for, or the refusal naming the field (<c>limit</c>, <c>cursor</c>) that is not valid.</summary>
    public static (ApiDryRunPage Page, ApiRefusal? Invalid) Read(int? limit, string? cursor)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return (First, ApiRefusal.Invalid("limit", "OutOfRange", $"Ask for 1 to {MaxLimit} people of each kind of change."));
        }

        var size = limit ?? DefaultLimit;
        if (string.IsNullOrEmpty(cursor))
        {
            return (First with { Limit = size }, null);
        }

        return Decode(cursor) is { } place
            ? (new(place.Position, size, place.Fingerprint), null)
            : (First, ApiRefusal.Invalid("cursor", "InvalidCursor", "Send back a nextCursor this API gave, unchanged."));
    }

    /// <summary>The window over one list, in the list's order.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> sorted) => sorted.Skip(Position).Take(Limit);

    /// <summary>The cursor of the page after this one, when any list is longer than this page reaches.</summary>
    public string? NextCursor(string? fingerprint, int longest) =>
        fingerprint is null || longest <= Position + Limit ? null : Encode(fingerprint, Position + Limit);

    private static string Encode(string fingerprint, int position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}{fingerprint}:{position}")));

    private static (string Fingerprint, int Position)? Decode(string cursor)
    {
        if (cursor.Length > 128 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        var colon = text.LastIndexOf(':');
        return text.StartsWith(Version, StringComparison.Ordinal) && colon > Version.Length
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? (text[Version.Length..colon], position) : null;
    }
}
