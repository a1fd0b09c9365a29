using System.Security.Cryptography;
using System.Text;

namespace IdentityAccess.Core.Api.Keys;

/// <summary>
/// The key as a program holds it, <c>ia_&lt;prefix&gt;_&lt;secret&gt;</c>: a public prefix that finds the key and a
/// secret of 32 random bytes (base64url) of which only the SHA-256 is stored.
/// </summary>
public sealed record ApiKeySecret(string Prefix, string Secret)
{
    public const int PrefixLength = 12;

    private const string Marker = "ia_";

    public string Token => $"{Marker}{Prefix}_{Secret}";

    public string Hash => HashOf(Secret);

    public static ApiKeySecret New() => new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2)),
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    /// <summary>Null when <paramref name="token"/> is not shaped like one of our keys (a SCIM token, a typo).</summary>
    public static ApiKeySecret? Parse(string? token)
    {
        // The prefix is hex, so the underscore after it is found by position even though base64url secrets contain '_'.
        if (token is null || token.Length is < 20 or > 200 || !token.StartsWith(Marker, StringComparison.Ordinal)
            || token[Marker.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = token.Substring(Marker.Length, PrefixLength);
        return prefix.All(char.IsAsciiHexDigitLower) ? new ApiKeySecret(prefix, token[(Marker.Length + PrefixLength + 1)..]) : null;
    }

    /// <summary>Whether this secret is the one <paramref name="storedHash"/> was made from, in time that does not depend on where they differ.</summary>
    public bool Matches(string storedHash) =>
        storedHash.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hash), Convert.FromHexString(storedHash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    // The secret never reaches a log through ToString.
    public override string ToString() => $"{Marker}{Prefix}_…";
}
