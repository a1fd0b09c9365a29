namespace IdentityAccess.Web.Startup;

/// <summary>The <c>DataProtection</c> section: where the keys that sign cookies and form tokens are kept.</summary>
internal sealed class DataProtectionSettings
{
    public const string SectionName = "DataProtection";

    /// <summary>Without a certificate: the folder holding the keys, relative to the content root like the SQLite file.</summary>
    public string KeysDirectory { get; set; } = "data/keys";

    public CertificateSettings Certificate { get; set; } = new();

    public sealed class CertificateSettings
    {
        /// <summary>A PFX (PKCS #12) file with its private key. When set, keys live in the database, encrypted with it.</summary>
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}
