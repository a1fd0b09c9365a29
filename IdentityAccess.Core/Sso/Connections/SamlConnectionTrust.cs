using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// What a connection trusts (the IdP's entity ID, its sign-in URL and its signing keys), replaced by every import and
/// refresh, with the replaced trust kept for a one-action rollback and described for the audit log by fingerprints.
/// </summary>
internal static class SamlConnectionTrust
{
    public static bool Differs(SamlConnection connection, IdpMetadata metadata) =>
        connection.EntityId != metadata.EntityId || connection.SingleSignOnUrl != metadata.SingleSignOnUrl.AbsoluteUri
        || !CertificateFingerprints.SameKeys(connection.LoadCertificates(), metadata.SigningCertificates);

    /// <summary>Trusts <paramref name="metadata"/>; what it replaces, if anything changed, becomes the rollback point.</summary>
    public static void Replace(SamlConnection connection, IdpMetadata metadata, DateTimeOffset now)
    {
        if (connection.EntityId.Length > 0 && Differs(connection, metadata))
        {
            (connection.PreviousEntityId, connection.PreviousSingleSignOnUrl, connection.PreviousSigningCertificatesPem, connection.ReplacedAt) =
                (connection.EntityId, connection.SingleSignOnUrl, connection.SigningCertificatesPem, now);
        }

        connection.EntityId = metadata.EntityId;
        connection.SingleSignOnUrl = metadata.SingleSignOnUrl.AbsoluteUri;
        connection.SigningCertificatesPem = SamlConnection.ToPem(metadata.SigningCertificates);
    }

    /// <summary>Puts the previous trust back; the trust it replaces becomes the new rollback point (so a rollback can be undone).</summary>
    public static bool RollBack(SamlConnection connection, DateTimeOffset now)
    {
        if (connection.PreviousEntityId is not { } entityId || connection.PreviousSingleSignOnUrl is not { } url
            || connection.PreviousSigningCertificatesPem is not { } pem)
        {
            return false;
        }

        (connection.PreviousEntityId, connection.PreviousSingleSignOnUrl, connection.PreviousSigningCertificatesPem) =
            (connection.EntityId, connection.SingleSignOnUrl, connection.SigningCertificatesPem);
        (connection.EntityId, connection.SingleSignOnUrl, connection.SigningCertificatesPem, connection.ReplacedAt) = (entityId, url, pem, now);
        return true;
    }

    /// <summary>The audit entry's view of a trust: the fingerprints an IdP admin console shows, never the certificates.</summary>
    public static object Audited(SamlConnection connection) => Audited(connection.EntityId, connection.SingleSignOnUrl, connection.LoadCertificates());

    public static object Audited(string entityId, string singleSignOnUrl, IEnumerable<X509Certificate2> certificates) =>
        new { EntityId = entityId, SingleSignOnUrl = singleSignOnUrl, SigningKeys = CertificateFingerprints.Sha256(certificates) };

    public static object Audited(IdpMetadata metadata) => Audited(metadata.EntityId, metadata.SingleSignOnUrl.AbsoluteUri, metadata.SigningCertificates);

    public static string AuditTarget(string entityId) => entityId.Length > 320 ? entityId[..320] : entityId;
}
