using System.Security.Cryptography;

namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// Where a new SP key's RSA pair comes from. The app makes a fresh one every time (<see cref="FreshSpKeyPairs"/>); the
/// seam exists so the tests, which make hundreds of SP keys, can hand out pairs made ahead instead of spending 0.3–3 s
/// of CPU on each. <see cref="SamlSpKeyFactory"/> refuses any pair that is not RSA-3072, whatever the source.
/// </summary>
public interface ISpKeyPairSource
{
    /// <summary>A key pair no SP key has had before; the caller disposes it.</summary>
    RSA NewKeyPair();
}
