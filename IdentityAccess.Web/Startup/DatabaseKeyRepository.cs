using System.Xml.Linq;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Persistence.DataProtectionKeys;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// Data Protection keys in the app's database, for several instances to share. Only keys encrypted with the configured
/// certificate are stored: whoever reads the database (a backup, a replica, a support dump) must not be able to forge
/// a session cookie with what they read.
/// </summary>
/// <remarks>
/// The key manager reads all keys at start and after each key's expiry, and writes one element per new key (every 90
/// days): a small table, read rarely.
/// </remarks>
internal sealed class DatabaseKeyRepository(IDbContextFactory<IdentityAccessDbContext> contexts) : IXmlRepository
{
    // The key manager marks the secret part of a key with this attribute; an encryptor replaces that part with an
    // <encryptedSecret> element, which no longer carries it.
    private static readonly XName _requiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (IsUnencryptedSecret(element))
        {
            throw new InvalidOperationException(
                $"Refusing to store the Data Protection key '{friendlyName}' in the database unencrypted. Keys are stored in the database only " +
                "when a certificate protects them (DataProtection:Certificate:Path).");
        }

        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    public static bool IsUnencryptedSecret(XElement element) =>
        element.DescendantsAndSelf().Any(e => (bool?)e.Attribute(_requiresEncryption) == true);
}
