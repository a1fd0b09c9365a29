using System.Buffers.Text;
using System.Text;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The opaque cursor of a list: callers pass back what they were given and never build one, so what it holds (today the
/// position in the list's order) can change without breaking them.
/// </summary>
internal static class ApiCursor
{
    private const string Version = "v1:";

    public static string Encode(int position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + position.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The position; 0 without a cursor; null for one this API did not make.</summary>
    public static int? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Version, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Version.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            ? position : null;
    }
}
