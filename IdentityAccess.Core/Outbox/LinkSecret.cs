using System.Security.Cryptography;
using System.Text;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// The secret at the end of a link sent by email (an invitation, a sign-in link): 32 random bytes, base64url, so it
/// cannot be guessed. Only its SHA-256 is stored; whoever reads the database cannot rebuild the link from it.
/// </summary>
public static class LinkSecret
{
    /// <summary>43 characters: 32 bytes in base64url without padding (RFC 4648 §5).</summary>
    public const int Length = 43;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A string that could be a secret this class made; anything else is not looked up at all.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
