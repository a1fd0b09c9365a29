using System.Security.Cryptography;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// The system's uses of a parent's SP keys, without an acting person: what the SP metadata publishes (a current key
/// of each use is made the first time it is needed), the keys that decrypt at the ACS, the key that signs requests.
/// </summary>
public sealed class SamlSpKeyStore(IDbContextFactory<IdentityAccessDbContext> contexts, GuardedWrites writes, ISamlSpKeyProtector protector,
    ISpKeyPairSource keyPairs, AuditLog audit, TimeProvider time)
{
    private static readonly AuditActor _system = AuditActor.System(SystemActors.SamlSpKeys);

    /// <summary>The parent's metadata keys; null when there is no such parent.</summary>
    public async Task<SpMetadataKeys?> MetadataKeysAsync(Guid parentId, CancellationToken cancellationToken = default)
    {
        if (!await EnsureCurrentKeysAsync(parentId, cancellationToken))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.SamlSpKeys.AsNoTracking().Where(k => k.ParentOrganizationId == parentId && k.Status != SamlSpKeyStatus.Previous)
            .ToListAsync(cancellationToken);
        var signed = await db.SamlConnections.AnyAsync(c => c.ParentOrganizationId == parentId && c.SignAuthnRequests, cancellationToken);
        // Current first: IdPs that take one encryption certificate take the first.
        var published = keys.OrderBy(k => k.Status == SamlSpKeyStatus.Current ? 0 : 1).ToList();
        return new SpMetadataKeys(
            [.. published.Where(k => k.Use == SamlSpKeyUse.Signing).Select(SamlSpKeyFactory.Certificate)],
            [.. published.Where(k => k.Use == SamlSpKeyUse.Encryption).Select(SamlSpKeyFactory.Certificate)], signed);
    }

    /// <summary>Every encryption key not retired (current, next, previous). The caller disposes them.</summary>
    public async Task<IReadOnlyList<RSA>> DecryptionKeysAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken = default)
    {
        var keys = await db.SamlSpKeys.AsNoTracking().Where(k => k.ParentOrganizationId == parentId && k.Use == SamlSpKeyUse.Encryption)
            .ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.Status).Select(k => SamlSpKeyFactory.PrivateKey(k, protector))];
    }

    /// <summary>The current signing key when the parent's connection signs its requests, else null. The caller disposes it.</summary>
    public async Task<RSA?> RequestSigningKeyAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken = default)
    {
        if (!await db.SamlConnections.AnyAsync(c => c.ParentOrganizationId == parentId && c.SignAuthnRequests, cancellationToken))
        {
            return null;
        }

        var key = await db.SamlSpKeys.AsNoTracking().SingleOrDefaultAsync(
            k => k.ParentOrganizationId == parentId && k.Use == SamlSpKeyUse.Signing && k.Status == SamlSpKeyStatus.Current, cancellationToken);
        // Turning signing on makes the key; none here means it was lost, and an unsigned request would be refused by the IdP anyway.
        return key is null ? throw new InvalidOperationException($"Parent {parentId} signs its AuthnRequests but has no current signing key.")
            : SamlSpKeyFactory.PrivateKey(key, protector);
    }

    /// <summary>Makes the missing current keys; false when the parent does not exist.</summary>
    public async Task<bool> EnsureCurrentKeysAsync(Guid parentId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OperatorParentAsync(parentId, _system, cancellationToken);
        if (write.Refusal is not null)
        {
            return false;
        }

        if (AddMissingCurrentKeys(write, parentId) && await write.CommitAsync(cancellationToken) is not null)
        {
            // Made at the same moment by another request (the unique index): theirs are as good.
        }

        return true;
    }

    /// <summary>In a guarded write: adds a current key for each use that has none, audited; true when any was added.</summary>
    internal bool AddMissingCurrentKeys(GuardedWrite write, Guid parentId)
    {
        var existing = write.Db.SamlSpKeys.Where(k => k.ParentOrganizationId == parentId && k.Status == SamlSpKeyStatus.Current).Select(k => k.Use).ToHashSet();
        var added = false;
        foreach (var use in Enum.GetValues<SamlSpKeyUse>().Where(u => !existing.Contains(u)))
        {
            var key = SamlSpKeyFactory.Create(parentId, use, SamlSpKeyStatus.Current, protector, keyPairs, time.GetUtcNow());
            write.Db.SamlSpKeys.Add(key);
            audit.Record(write.Db, write.Actor, "sso.sp-key-created", key.Fingerprint, null,
                new { key.Use, key.Status, key.Fingerprint, key.NotAfter }, parentOrganizationId: parentId);
            added = true;
        }

        return added;
    }
}
