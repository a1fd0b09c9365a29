namespace IdentityAccess.Core.Saml;

/// <summary>The XML Encryption 1.0 and 1.1 URIs the SP accepts, spelled once (W3C xmlenc-core, xmlenc-core1).</summary>
internal static class XmlEncNames
{
    public const string Namespace = "http://www.w3.org/2001/04/xmlenc#";
    public const string Namespace11 = "http://www.w3.org/2009/xmlenc11#";

    /// <summary>xmlenc §3.1: the plaintext is one element, which replaces the EncryptedData.</summary>
    public const string ElementType = Namespace + "Element";

    public const string Aes128Cbc = Namespace + "aes128-cbc";
    public const string Aes256Cbc = Namespace + "aes256-cbc";
    public const string Aes128Gcm = Namespace11 + "aes128-gcm";
    public const string Aes256Gcm = Namespace11 + "aes256-gcm";

    public const string RsaOaepMgf1p = Namespace + "rsa-oaep-mgf1p";
    public const string RsaOaep = Namespace11 + "rsa-oaep";

    /// <summary>Refused: PKCS#1 v1.5 key transport is open to Bleichenbacher's padding oracle (xmlenc-core1 §5.5.1).</summary>
    public const string Rsa15 = Namespace + "rsa-1_5";

    public const string Mgf1Sha1 = Namespace11 + "mgf1sha1";
    public const string Mgf1Sha256 = Namespace11 + "mgf1sha256";
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public const string Sha256 = Namespace + "sha256";
}
