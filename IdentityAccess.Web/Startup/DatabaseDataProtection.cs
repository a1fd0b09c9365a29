using System.Xml.Linq;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Persistence.DataProtectionKeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// Data Protection keys live in the app's database, under one application name: a session cookie or antiforgery
/// token issued by one instance is read by every other, and survives restarts and redeploys.
/// </summary>
internal static class DatabaseDataProtection
{
    public const string ApplicationName = "IdentityAccess";

    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>())));
        return services;
    }

    /// <remarks>
    /// The key manager reads all keys at start and after each key's expiry, and writes one element per new key
    /// (every 90 days): a small table, read rarely. Keys are stored as the key manager gives them, unencrypted, like
    /// the files they replace: the database's access control and backups protect them.
    /// </remarks>
    private sealed class DatabaseXmlRepository(IDbContextFactory<IdentityAccessDbContext> contexts) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = contexts.CreateDbContext();
            return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = contexts.CreateDbContext();
            db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            db.SaveChanges();
        }
    }
}
