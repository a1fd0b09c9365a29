using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Sso.SpKeys;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>One of the parent's SP keys, as the SSO panel's keys section lists it: the public certificate only, never the private key.</summary>
/// <param name="Use"><c>Signing</c> (signs AuthnRequests) or <c>Encryption</c> (the IdP encrypts assertions to it).</param>
/// <param name="Status"><c>Next</c> (published, not used yet), <c>Current</c> (published, used) or <c>Previous</c> (still decrypts until retired).</param>
/// <param name="Sha256Fingerprint">SHA-256 of the certificate, hex, as the panel and the audit log name the key.</param>
/// <param name="Thumbprint">SHA-1 of the certificate, hex, as some IdP consoles (ADFS) show it.</param>
/// <param name="CertificatePem">The public certificate, PEM, as the SP metadata publishes it.</param>
internal sealed record ApiSpKey(Guid Id, string Use, string Status, DateTimeOffset CreatedAt, DateTimeOffset NotAfter, string Sha256Fingerprint,
    string Thumbprint, string CertificatePem)
{
    public static ApiSpKey From(SamlSpKeyView key)
    {
        using var certificate = X509Certificate2.CreateFromPem(key.CertificatePem);
        return new(key.Id, key.Use.ToString(), key.Status.ToString(), key.CreatedAt, key.NotAfter, key.Fingerprint, certificate.Thumbprint,
            key.CertificatePem);
    }
}

/// <summary>The parent's SP keys (current, next and previous of each use) and whether its AuthnRequests are signed.</summary>
/// <param name="HasConnection">False before the IdP's metadata is imported: signing requests cannot be turned on yet.</param>
internal sealed record ApiSpKeys(IReadOnlyList<ApiSpKey> Items, bool SignAuthnRequests, bool HasConnection)
{
    public static ApiSpKeys From(SamlSpKeysView view) => new([.. view.Keys.Select(ApiSpKey.From)], view.SignAuthnRequests, view.HasConnection);
}

/// <summary>"Sign authentication requests" on or off, as the SSO panel's switch sets it.</summary>
/// <param name="Sign">True: the parent's AuthnRequests are signed with its current signing key; false: sent unsigned.</param>
internal sealed record ApiSignAuthnRequestsRequest(bool? Sign);
