using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using IdentityAccess.Core.Sso.SpKeys;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The SP key pairs of every test app in the test process (<see cref="IdentityAccessWebFactory"/>): RSA-3072 pairs
/// made from two of the fixed <see cref="SpKeyPrimes"/> (276 pairs, each in microseconds) instead of a fresh
/// generation of 0.3–3 s of CPU for each SP key the suite makes. Each pair is handed out once per test process, so no
/// two SP keys anywhere in the run share a key (a retired key still cannot decrypt what its successor can); past the
/// pool the source generates fresh pairs, as the app does. The app's own source is pinned by <c>SpKeyPairSourceTests</c>.
/// </summary>
public sealed class PregeneratedSpKeyPairs : ISpKeyPairSource
{
    private static readonly BigInteger _publicExponent = 65537;
    private static readonly BigInteger[] _primes =
        [.. SpKeyPrimes.Hex.Select(hex => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private static readonly (int P, int Q)[] _pairs =
        [.. Enumerable.Range(0, _primes.Length).SelectMany(p => Enumerable.Range(p + 1, _primes.Length - p - 1).Select(q => (p, q)))];

    private int _handedOut;

    /// <summary>The one source of the test process, so a pair is never handed to two apps.</summary>
    public static PregeneratedSpKeyPairs Shared { get; } = new();

    public static int PoolSize => _pairs.Length;

    public RSA NewKeyPair()
    {
        var index = Interlocked.Increment(ref _handedOut) - 1;
        if (index >= _pairs.Length)
        {
            return RSA.Create(SamlSpKeyFactory.KeyBits);
        }

        var rsa = RSA.Create();
        rsa.ImportParameters(Parameters(_primes[_pairs[index].P], _primes[_pairs[index].Q]));
        return rsa;
    }

    /// <summary>The private key of p·q in the CRT form .NET imports (PKCS #1 §3.2), each field at its fixed length.</summary>
    private static RSAParameters Parameters(BigInteger p, BigInteger q)
    {
        const int modulusBytes = SamlSpKeyFactory.KeyBits / 8;
        var d = ModularInverse(_publicExponent, (p - 1) * (q - 1));
        return new RSAParameters
        {
            Modulus = Bytes(p * q, modulusBytes),
            Exponent = Bytes(_publicExponent, 3),
            D = Bytes(d, modulusBytes),
            P = Bytes(p, modulusBytes / 2),
            Q = Bytes(q, modulusBytes / 2),
            DP = Bytes(d % (p - 1), modulusBytes / 2),
            DQ = Bytes(d % (q - 1), modulusBytes / 2),
            InverseQ = Bytes(ModularInverse(q, p), modulusBytes / 2),
        };
    }

    private static byte[] Bytes(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }

    private static BigInteger ModularInverse(BigInteger value, BigInteger modulus)
    {
        // Extended Euclid: keeps t with t·value ≡ r (mod modulus) until r is 1.
        BigInteger t = 0, nextT = 1, r = modulus, nextR = value % modulus;
        while (nextR != 0)
        {
            var quotient = r / nextR;
            (t, nextT) = (nextT, t - quotient * nextT);
            (r, nextR) = (nextR, r - quotient * nextR);
        }

        return r != 1 ? throw new ArgumentException("Not invertible.", nameof(value)) : (t < 0 ? t + modulus : t);
    }
}
