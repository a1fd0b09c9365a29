using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// Where the Data Protection keys (which sign session cookies and antiforgery tokens) live, never in plain text in the
/// database: with a certificate configured, in the database encrypted with it, shared by every instance; without one,
/// in a folder of this machine that only the app's user can read.
/// </summary>
internal static class PortalDataProtection
{
    public const string ApplicationName = "IdentityAccess";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(DataProtectionSettings.SectionName).Get<DataProtectionSettings>() ?? new();
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        DataProtectionKeyStore store;
        if (!string.IsNullOrWhiteSpace(settings.Certificate.Path))
        {
            var certificate = LoadCertificate(Path.GetFullPath(settings.Certificate.Path, environment.ContentRootPath), settings.Certificate.Password);
            builder.ProtectKeysWithCertificate(certificate);
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>())));
            store = new DataProtectionKeyStore(certificate, null);
        }
        else
        {
            var directory = CreateOwnerOnlyDirectory(Path.GetFullPath(settings.KeysDirectory, environment.ContentRootPath));
            builder.PersistKeysToFileSystem(new DirectoryInfo(directory));
            store = new DataProtectionKeyStore(null, directory);
        }

        services.AddSingleton(store);
        services.AddHostedService<DataProtectionKeysNotice>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:Certificate:Path names {path}, which could not be read as a PFX file with DataProtection:Certificate:Password: {e.Message}", e);
        }

        return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException(
            $"The certificate in {path} (DataProtection:Certificate:Path) has no private key; Data Protection needs it to read the keys back.");
    }

    /// <summary>Creates the folder (and its parents) readable by the app's user only (0700), or tightens an existing one.</summary>
    private static string CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return directory;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(directory, ownerOnly);
        File.SetUnixFileMode(directory, ownerOnly);
        return directory;
    }
}
