using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Saml;

internal static class RsaKeyPolicy
{
    /// <summary>NIST SP 800-131A: RSA keys under 2048 bits are disallowed for signatures.</summary>
    public const int MinimumBits = 2048;

    /// <summary>The certificate's RSA public key when it is strong enough, else null.</summary>
    public static RSA? AcceptableKey(X509Certificate2 certificate)
    {
        var key = certificate.GetRSAPublicKey();
        if (key is null || key.KeySize >= MinimumBits)
        {
            return key;
        }

        key.Dispose();
        return null;
    }
}
