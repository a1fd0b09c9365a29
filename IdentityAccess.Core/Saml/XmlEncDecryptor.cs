using System.Security.Cryptography;
using System.Xml;

namespace IdentityAccess.Core.Saml;

/// <summary>
/// Decrypts one saml:EncryptedAssertion (SAML Core 2.3.4, xmlenc-core1) with the SP's private keys, by hand because
/// EncryptedXml knows no AES-GCM. Allowed: content AES-128/256 in GCM or CBC; key transport RSA-OAEP only. Structure
/// and algorithm problems say what is wrong (they depend on nothing secret); every cryptographic failure, whatever the
/// step (key unwrap, GCM tag, CBC padding), gives one and the same answer, so the refusal is no padding oracle.
/// </summary>
internal static class XmlEncDecryptor
{
    /// <summary>The answer for every failure that depends on the key or the ciphertext.</summary>
    public const string CannotDecrypt = "the encrypted assertion cannot be decrypted with this service provider's keys (another key, or altered in transit)";

    /// <summary>SAML allows several EncryptedKeys (one per recipient); more than this is only work for the server.</summary>
    private const int MaxEncryptedKeys = 4;

    private sealed record ContentAlgorithm(int KeyBytes, bool Gcm);

    private static readonly Dictionary<string, ContentAlgorithm> _contentAlgorithms = new(StringComparer.Ordinal)
    {
        [XmlEncNames.Aes128Gcm] = new(16, Gcm: true),
        [XmlEncNames.Aes256Gcm] = new(32, Gcm: true),
        [XmlEncNames.Aes128Cbc] = new(16, Gcm: false),
        [XmlEncNames.Aes256Cbc] = new(32, Gcm: false),
    };

    public static (byte[]? Plaintext, SamlRejection? Rejection) Decrypt(XmlElement encryptedAssertion, IReadOnlyList<RSA> keys)
    {
        var data = encryptedAssertion.SingleChild(XmlEncNames.Namespace, "EncryptedData");
        if (data is null)
        {
            return Refuse("the EncryptedAssertion does not hold exactly one EncryptedData");
        }

        if (data.AttributeOrNull("Type") is { } type && type != XmlEncNames.ElementType)
        {
            return Refuse($"the EncryptedData has Type {LogSafe.Quote(type)}; an encrypted element is expected");
        }

        var algorithm = data.SingleChild(XmlEncNames.Namespace, "EncryptionMethod")?.AttributeOrNull("Algorithm");
        if (algorithm is null || !_contentAlgorithms.TryGetValue(algorithm, out var content))
        {
            return Refuse($"the content encryption {LogSafe.Quote(algorithm)} is not allowed; use AES-128 or AES-256 in GCM or CBC mode");
        }

        var (cipherText, rejection) = CipherValue(data);
        if (rejection is not null)
        {
            return (null, rejection);
        }

        // xmlenc §3.5.1 and SAML Core 2.2.4: the EncryptedKey sits in the EncryptedData's KeyInfo or beside it in the
        // EncryptedAssertion. RetrievalMethod is never followed: the keys are taken only from these two places.
        var wrapped = new List<(byte[] CipherValue, RSAEncryptionPadding Padding)>();
        var encryptedKeys = (data.SingleChild(SamlNames.XmlDsig, "KeyInfo")?.Children(XmlEncNames.Namespace, "EncryptedKey") ?? [])
            .Concat(encryptedAssertion.Children(XmlEncNames.Namespace, "EncryptedKey")).ToList();
        if (encryptedKeys.Count is 0 or > MaxEncryptedKeys)
        {
            return Refuse($"the EncryptedAssertion holds {encryptedKeys.Count} EncryptedKey elements; between 1 and {MaxEncryptedKeys} are accepted");
        }

        foreach (var encryptedKey in encryptedKeys)
        {
            var (padding, keyRejection) = KeyTransport(encryptedKey);
            var (value, valueRejection) = keyRejection is null ? CipherValue(encryptedKey) : (null, keyRejection);
            if (valueRejection is not null)
            {
                return (null, valueRejection);
            }

            wrapped.Add((value!, padding!));
        }

        var contentKey = Unwrap(wrapped, keys, content.KeyBytes);
        try
        {
            return contentKey is not null && DecryptContent(cipherText!, contentKey, content) is { } plaintext
                ? (plaintext, null)
                : (null, new(SamlFailureReason.DecryptionFailed, CannotDecrypt));
        }
        finally
        {
            if (contentKey is not null)
            {
                CryptographicOperations.ZeroMemory(contentKey);
            }
        }
    }

    /// <summary>xmlenc-core1 §5.5.2: OAEP with SHA-1 (rsa-oaep-mgf1p, or rsa-oaep by default) or SHA-256 throughout.</summary>
    private static (RSAEncryptionPadding? Padding, SamlRejection? Rejection) KeyTransport(XmlElement encryptedKey)
    {
        var method = encryptedKey.SingleChild(XmlEncNames.Namespace, "EncryptionMethod");
        var algorithm = method?.AttributeOrNull("Algorithm");
        if (method is null || algorithm is not (XmlEncNames.RsaOaepMgf1p or XmlEncNames.RsaOaep))
        {
            return (null, algorithm == XmlEncNames.Rsa15
                ? new(SamlFailureReason.EncryptionNotAccepted, "the content key is wrapped with RSA-1.5 (PKCS#1 v1.5), which is refused; use RSA-OAEP")
                : new(SamlFailureReason.EncryptionNotAccepted, $"the key transport {LogSafe.Quote(algorithm)} is not allowed; use RSA-OAEP"));
        }

        if (method.FirstChild(XmlEncNames.Namespace, "OAEPparams") is not null)
        {
            return (null, new(SamlFailureReason.EncryptionNotAccepted, "RSA-OAEP with OAEPparams (a label) is not supported"));
        }

        var digest = method.FirstChild(SamlNames.XmlDsig, "DigestMethod")?.AttributeOrNull("Algorithm") ?? XmlEncNames.Sha1;
        // rsa-oaep-mgf1p fixes MGF1 with SHA-1; rsa-oaep names its MGF, SHA-1 when absent. .NET pairs digest and MGF.
        var mgf = algorithm == XmlEncNames.RsaOaep
            ? method.FirstChild(XmlEncNames.Namespace11, "MGF")?.AttributeOrNull("Algorithm") ?? XmlEncNames.Mgf1Sha1
            : XmlEncNames.Mgf1Sha1;
        return (digest, mgf) switch
        {
            (XmlEncNames.Sha1, XmlEncNames.Mgf1Sha1) => (RSAEncryptionPadding.OaepSHA1, null),
            (XmlEncNames.Sha256, XmlEncNames.Mgf1Sha256) when algorithm == XmlEncNames.RsaOaep => (RSAEncryptionPadding.OaepSHA256, null),
            _ => (null, new(SamlFailureReason.EncryptionNotAccepted,
                $"RSA-OAEP with digest {LogSafe.Quote(digest)} and mask generation {LogSafe.Quote(mgf)} is not supported; use SHA-1 with MGF1-SHA-1, or SHA-256 with MGF1-SHA-256")),
        };
    }

    private static (byte[]? Value, SamlRejection? Rejection) CipherValue(XmlElement parent)
    {
        var cipherData = parent.SingleChild(XmlEncNames.Namespace, "CipherData");
        // CipherReference would fetch the ciphertext from a URI: never.
        var value = cipherData?.SingleChild(XmlEncNames.Namespace, "CipherValue")?.TextContent();
        if (value is null || cipherData!.FirstChild(XmlEncNames.Namespace, "CipherReference") is not null)
        {
            return Refuse($"the {parent.LocalName} has no CipherValue");
        }

        try
        {
            return (Convert.FromBase64String(value), null);
        }
        catch (FormatException)
        {
            return Refuse($"the {parent.LocalName}'s CipherValue is not base64");
        }
    }

    /// <summary>Every wrapped key with every SP key (during a rotation several may decrypt); OAEP tells a wrong key.</summary>
    private static byte[]? Unwrap(List<(byte[] CipherValue, RSAEncryptionPadding Padding)> wrapped, IReadOnlyList<RSA> keys, int keyBytes)
    {
        foreach (var (cipherValue, padding) in wrapped)
        {
            foreach (var key in keys)
            {
                try
                {
                    var contentKey = key.Decrypt(cipherValue, padding);
                    if (contentKey.Length == keyBytes)
                    {
                        return contentKey;
                    }

                    CryptographicOperations.ZeroMemory(contentKey);
                }
                catch (CryptographicException)
                {
                    // Not for this key.
                }
            }
        }

        return null;
    }

    /// <summary>xmlenc-core1 §5.2: GCM is IV(12) ‖ ciphertext ‖ tag(16); CBC is IV(16) ‖ ciphertext, padded as in §5.2.1.</summary>
    private static byte[]? DecryptContent(byte[] cipherValue, byte[] key, ContentAlgorithm algorithm)
    {
        try
        {
            if (algorithm.Gcm)
            {
                const int ivBytes = 12, tagBytes = 16;
                if (cipherValue.Length < ivBytes + tagBytes)
                {
                    return null;
                }

                var cipherText = cipherValue.AsSpan(ivBytes, cipherValue.Length - ivBytes - tagBytes);
                var plaintext = new byte[cipherText.Length];
                using var gcm = new AesGcm(key, tagBytes);
                gcm.Decrypt(cipherValue.AsSpan(0, ivBytes), cipherText, cipherValue.AsSpan(cipherValue.Length - tagBytes), plaintext);
                return plaintext;
            }

            const int blockBytes = 16;
            if (cipherValue.Length < 2 * blockBytes || cipherValue.Length % blockBytes != 0)
            {
                return null;
            }

            using var aes = Aes.Create();
            aes.Key = key;
            // §5.2.1: only the last byte (the pad length) is defined; the others are arbitrary, which ISO 10126 matches.
            return aes.DecryptCbc(cipherValue.AsSpan(blockBytes), cipherValue.AsSpan(0, blockBytes), PaddingMode.ISO10126);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static (byte[]?, SamlRejection?) Refuse(string detail) => (null, new(SamlFailureReason.EncryptionNotAccepted, detail));
}
