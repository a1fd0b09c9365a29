using System.Security.Cryptography;
using System.Text;

namespace IdentityAccess.Core.Scim;

internal static class ScimTokenHasher
{
    public const string SecretPrefix = "ia_scim_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
