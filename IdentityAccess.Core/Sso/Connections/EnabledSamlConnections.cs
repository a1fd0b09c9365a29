using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The parent's enabled connection as sign-in uses it, read in the caller's transaction (one indexed read, no
/// tracking, a compiled query). Parsing its pinned certificates cost more than the read, so parsed certificates are
/// kept keyed by the exact PEM text just read: a certificate removed or replaced by a save is a different key from the
/// moment that save commits, so no stale certificate can ever be used, on this instance or another, and nothing has
/// to be told to invalidate.
/// </summary>
public sealed class EnabledSamlConnections
{
    // A few parents and rollovers; cleared whole when past this, since a miss only costs a parse.
    private const int MaxCachedPemTexts = 256;

    private readonly Func<IdentityAccessDbContext, Guid, CancellationToken, Task<SamlConnection?>> _findEnabled =
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid parentId, CancellationToken _) =>
            db.SamlConnections.AsNoTracking().SingleOrDefault(c => c.ParentOrganizationId == parentId && c.Enabled));

    private readonly ConcurrentDictionary<string, IReadOnlyList<X509Certificate2>> _certificatesByPem = new(StringComparer.Ordinal);

    /// <summary>Null when the parent has no enabled connection.</summary>
    public async Task<(SamlConnection Row, SamlIdpConnection Idp)?> FindAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        if (await _findEnabled(db, parentId, cancellationToken) is not { } row)
        {
            return null;
        }

        return (row, new SamlIdpConnection(row.EntityId, new Uri(row.SingleSignOnUrl), Certificates(row), row.Profile)
        {
            AllowIdpInitiated = row.AllowIdpInitiated,
        });
    }

    private IReadOnlyList<X509Certificate2> Certificates(SamlConnection row)
    {
        if (_certificatesByPem.TryGetValue(row.SigningCertificatesPem, out var cached))
        {
            return cached;
        }

        if (_certificatesByPem.Count >= MaxCachedPemTexts)
        {
            _certificatesByPem.Clear();
        }

        return _certificatesByPem.GetOrAdd(row.SigningCertificatesPem, _ => row.LoadCertificates());
    }
}
