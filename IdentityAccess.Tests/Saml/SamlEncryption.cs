using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// Encrypts assertions the way IdPs do (xmlenc-core1: an EncryptedData whose KeyInfo holds the RSA-wrapped content key),
/// written here with System.Security.Cryptography so the tests do not share code with the decryptor they check.
/// </summary>
internal sealed record SamlEncryption
{
    public const string XmlEncNs = "http://www.w3.org/2001/04/xmlenc#";
    public const string XmlEnc11Ns = "http://www.w3.org/2009/xmlenc11#";
    public const string Aes128Cbc = XmlEncNs + "aes128-cbc";
    public const string Aes256Cbc = XmlEncNs + "aes256-cbc";
    public const string Aes128Gcm = XmlEnc11Ns + "aes128-gcm";
    public const string Aes256Gcm = XmlEnc11Ns + "aes256-gcm";
    public const string RsaOaepMgf1p = XmlEncNs + "rsa-oaep-mgf1p";
    public const string RsaOaep = XmlEnc11Ns + "rsa-oaep";
    public const string Rsa15 = XmlEncNs + "rsa-1_5";
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public const string Sha256 = XmlEncNs + "sha256";
    public const string Mgf1Sha256 = XmlEnc11Ns + "mgf1sha256";

    public string ContentAlgorithm { get; init; } = Aes256Gcm;

    public string KeyTransport { get; init; } = RsaOaepMgf1p;

    /// <summary>The ds:DigestMethod of the key transport; none when null.</summary>
    public string? Digest { get; init; }

    /// <summary>The xenc11:MGF of rsa-oaep; none when null.</summary>
    public string? Mgf { get; init; }

    /// <summary>Shibboleth's shape: the EncryptedKey beside the EncryptedData instead of in its KeyInfo.</summary>
    public bool KeyBesideData { get; init; }

    /// <summary>Replaces <paramref name="assertion"/> in its document by its EncryptedAssertion, encrypted to <paramref name="spKey"/>.</summary>
    public XmlElement EncryptInPlace(XmlElement assertion, RSA spKey)
    {
        var document = assertion.OwnerDocument;
        var encrypted = Encrypt(document, Serialize(assertion), spKey);
        assertion.ParentNode!.ReplaceChild(encrypted, assertion);
        return encrypted;
    }

    /// <summary>Every outermost saml:Assertion of the document, wherever an attack put it.</summary>
    public void EncryptAllInPlace(XmlDocument document, RSA spKey)
    {
        var outermost = document.GetElementsByTagName("Assertion", SamlXml.AssertionNs).Cast<XmlElement>()
            .Where(a => !Ancestors(a).Any(p => p.LocalName == "Assertion" && p.NamespaceURI == SamlXml.AssertionNs)).ToList();
        outermost.ForEach(a => EncryptInPlace(a, spKey));
    }

    /// <summary>The assertion as an IdP serialises it before encrypting: standalone, declaring the prefixes it uses.</summary>
    public static byte[] Serialize(XmlElement assertion)
    {
        var standalone = new XmlDocument { PreserveWhitespace = true };
        standalone.AppendChild(standalone.ImportNode(assertion, deep: true));
        return Encoding.UTF8.GetBytes(standalone.OuterXml);
    }

    public XmlElement Encrypt(XmlDocument document, byte[] plaintext, RSA spKey)
    {
        var keyBytes = ContentAlgorithm is Aes128Cbc or Aes128Gcm ? 16 : 32;
        var contentKey = RandomNumberGenerator.GetBytes(keyBytes);
        var cipherValue = ContentAlgorithm is Aes128Gcm or Aes256Gcm ? Gcm(contentKey, plaintext) : Cbc(contentKey, plaintext);

        var encryptedAssertion = document.CreateElement("saml", "EncryptedAssertion", SamlXml.AssertionNs);
        var data = Child(encryptedAssertion, "xenc:EncryptedData", XmlEncNs);
        data.SetAttribute("Type", XmlEncNs + "Element");
        Child(data, "xenc:EncryptionMethod", XmlEncNs).SetAttribute("Algorithm", ContentAlgorithm);
        var keyInfo = Child(data, "ds:KeyInfo", SamlXml.XmlDsigNs);
        var encryptedKey = Child(KeyBesideData ? encryptedAssertion : keyInfo, "xenc:EncryptedKey", XmlEncNs);
        var method = Child(encryptedKey, "xenc:EncryptionMethod", XmlEncNs);
        method.SetAttribute("Algorithm", KeyTransport);
        if (Digest is not null)
        {
            Child(method, "ds:DigestMethod", SamlXml.XmlDsigNs).SetAttribute("Algorithm", Digest);
        }

        if (Mgf is not null)
        {
            Child(method, "xenc11:MGF", XmlEnc11Ns).SetAttribute("Algorithm", Mgf);
        }

        var padding = KeyTransport == Rsa15 ? RSAEncryptionPadding.Pkcs1
            : Digest == Sha256 ? RSAEncryptionPadding.OaepSHA256 : RSAEncryptionPadding.OaepSHA1;
        Child(Child(encryptedKey, "xenc:CipherData", XmlEncNs), "xenc:CipherValue", XmlEncNs).InnerText =
            Convert.ToBase64String(spKey.Encrypt(contentKey, padding));
        if (KeyBesideData)
        {
            encryptedAssertion.RemoveChild(encryptedKey);
            encryptedAssertion.AppendChild(encryptedKey); // after the EncryptedData, as SAML Core 2.2.4's schema orders them
            var retrieval = Child(keyInfo, "ds:RetrievalMethod", SamlXml.XmlDsigNs);
            encryptedKey.SetAttribute("Id", "_key" + Guid.NewGuid().ToString("N"));
            retrieval.SetAttribute("URI", "#" + encryptedKey.GetAttribute("Id"));
            retrieval.SetAttribute("Type", XmlEncNs + "EncryptedKey");
        }

        Child(Child(data, "xenc:CipherData", XmlEncNs), "xenc:CipherValue", XmlEncNs).InnerText = Convert.ToBase64String(cipherValue);
        return encryptedAssertion;
    }

    private static byte[] Gcm(byte[] key, byte[] plaintext)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var (cipherText, tag) = (new byte[plaintext.Length], new byte[16]);
        using var gcm = new AesGcm(key, 16);
        gcm.Encrypt(iv, plaintext, cipherText, tag);
        return [.. iv, .. cipherText, .. tag];
    }

    private static byte[] Cbc(byte[] key, byte[] plaintext)
    {
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = key;
        return [.. iv, .. aes.EncryptCbc(plaintext, iv, PaddingMode.ISO10126)];
    }

    private static XmlElement Child(XmlElement parent, string qualifiedName, string namespaceUri) =>
        (XmlElement)parent.AppendChild(parent.OwnerDocument.CreateElement(qualifiedName, namespaceUri))!;

    private static IEnumerable<XmlElement> Ancestors(XmlElement element)
    {
        for (var parent = element.ParentNode as XmlElement; parent is not null; parent = parent.ParentNode as XmlElement)
        {
            yield return parent;
        }
    }
}
