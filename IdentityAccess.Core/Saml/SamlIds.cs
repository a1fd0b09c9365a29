using System.Security.Cryptography;

namespace IdentityAccess.Core.Saml;

internal static class SamlIds
{
    /// <summary>
    /// 160 random bits (SAML Core 1.3.4 asks for at least 128), as hex after an underscore, because an xs:ID must
    /// not start with a digit.
    /// </summary>
    public static string New() => "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
