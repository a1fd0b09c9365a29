using System.Security.Cryptography;

namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>The app's source: a new RSA-3072 pair generated for every SP key.</summary>
public sealed class FreshSpKeyPairs : ISpKeyPairSource
{
    public RSA NewKeyPair() => RSA.Create(SamlSpKeyFactory.KeyBits);
}
