using IdentityAccess.Core.Sso.SpKeys;
using Microsoft.AspNetCore.DataProtection;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>The SP's private keys at rest, protected with the portal's Data Protection keys (see <c>PortalDataProtection</c>).</summary>
internal sealed class DataProtectionSamlSpKeyProtector(IDataProtectionProvider provider) : ISamlSpKeyProtector
{
    // A purpose of its own: nothing else the portal protects (cookies, antiforgery) can be unprotected as a key, nor the reverse.
    private readonly IDataProtector _protector = provider.CreateProtector("IdentityAccess.Saml.SpPrivateKeys.v1");

    public byte[] Protect(byte[] privateKey) => _protector.Protect(privateKey);

    public byte[] Unprotect(byte[] protectedPrivateKey) => _protector.Unprotect(protectedPrivateKey);
}
