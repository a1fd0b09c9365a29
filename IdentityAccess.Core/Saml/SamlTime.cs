using System.Globalization;

namespace IdentityAccess.Core.Saml;

/// <summary>SAML Core 1.3.3: xs:dateTime in UTC, with a "Z" and no time zone offset.</summary>
internal static class SamlTime
{
    // Entra writes seven fractional digits, Okta three, some IdPs none.
    private static readonly string[] _formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Null when absent or not a UTC xs:dateTime.</summary>
    public static DateTimeOffset? Parse(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value, _formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
}
