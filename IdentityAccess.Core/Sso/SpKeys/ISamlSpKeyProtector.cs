namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// Protects the SP's private keys at rest. The web app implements it with ASP.NET Core Data Protection, whose own keys
/// are kept as <c>PortalDataProtection</c> configures them (encrypted with a certificate, or in an owner-only folder).
/// </summary>
public interface ISamlSpKeyProtector
{
    byte[] Protect(byte[] privateKey);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the data was not protected by this app's keys.</summary>
    byte[] Unprotect(byte[] protectedPrivateKey);
}
