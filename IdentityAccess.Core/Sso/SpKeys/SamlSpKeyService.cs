using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// What parent admins do with the parent's SP keys (<see cref="Permission.ManageParentSettings"/>, checked under the
/// parent's lock, audited in the same transaction). Rotation with overlap: prepare a next key (published in the
/// metadata beside the current one), make it current once the IdP has it (the old one becomes previous and still
/// decrypts), then retire the previous one (deleted: nothing decrypts with it any more).
/// </summary>
public sealed class SamlSpKeyService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    SamlSpKeyStore store, ISamlSpKeyProtector protector, ISpKeyPairSource keyPairs, AuditLog audit, TimeProvider time)
{
    /// <summary>The parent's keys, for its admins' SSO panel; null when the person may not change the parent's settings.</summary>
    public async Task<SamlSpKeysView?> GetAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken)).IsGranted
            || !await store.EnsureCurrentKeysAsync(parentId, cancellationToken))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.SamlSpKeys.AsNoTracking().Where(k => k.ParentOrganizationId == parentId).ToListAsync(cancellationToken);
        var connection = await db.SamlConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        return new SamlSpKeysView([.. keys.OrderBy(k => k.Use).ThenBy(k => k.Status)
            .Select(k => new SamlSpKeyView(k.Id, k.Use, k.Status, k.Fingerprint, k.CreatedAt, k.NotAfter, k.CertificatePem))],
            connection?.SignAuthnRequests ?? false, connection is not null);
    }

    /// <summary>The parent's SP metadata keys for its admins' download; null when the person may not change the parent's settings.</summary>
    public async Task<Saml.SpMetadataKeys?> MetadataKeysAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken)).IsGranted
            ? await store.MetadataKeysAsync(parentId, cancellationToken)
            : null;

    public async Task<Error?> PrepareNextAsync(Guid parentId, SamlSpKeyUse use, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        store.AddMissingCurrentKeys(write, parentId);
        if (await KeyAsync(write, use, SamlSpKeyStatus.Next, cancellationToken) is not null)
        {
            return new SpKeyNextExists();
        }

        var key = SamlSpKeyFactory.Create(parentId, use, SamlSpKeyStatus.Next, protector, keyPairs, time.GetUtcNow());
        write.Db.SamlSpKeys.Add(key);
        Audit(write, "sso.sp-key-prepared", key, null);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>The next key becomes current (signs, listed first); the current one becomes previous (still decrypts).</summary>
    public async Task<Error?> PromoteNextAsync(Guid parentId, SamlSpKeyUse use, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        var next = await KeyAsync(write, use, SamlSpKeyStatus.Next, cancellationToken);
        if (next is null)
        {
            return new SpKeyNoNext();
        }

        if (await KeyAsync(write, use, SamlSpKeyStatus.Previous, cancellationToken) is not null)
        {
            return new SpKeyPreviousExists();
        }

        var current = await KeyAsync(write, use, SamlSpKeyStatus.Current, cancellationToken);
        if (current is not null)
        {
            // Two steps so the unique (parent, use, status) index never sees two current keys at once.
            current.Status = SamlSpKeyStatus.Previous;
            await write.Db.SaveChangesAsync(cancellationToken);
        }

        next.Status = SamlSpKeyStatus.Current;
        Audit(write, "sso.sp-key-promoted", next, current?.Fingerprint);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes a next or previous key; the current one cannot be retired.</summary>
    public async Task<Error?> RetireAsync(Guid parentId, Guid keyId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        var key = await write.Db.SamlSpKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.ParentOrganizationId == parentId, cancellationToken);
        if (key is null)
        {
            return new SpKeyNotFound();
        }

        if (key.Status == SamlSpKeyStatus.Current)
        {
            return new SpKeyCurrentCannotBeRetired();
        }

        write.Db.SamlSpKeys.Remove(key);
        Audit(write, "sso.sp-key-retired", key, null);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>Signs the parent's AuthnRequests (HTTP-Redirect binding) with its current signing key, or stops.</summary>
    public async Task<Error?> SetSignAuthnRequestsAsync(Guid parentId, bool sign, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        var connection = await write.Db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        if (connection.SignAuthnRequests == sign)
        {
            return null;
        }

        store.AddMissingCurrentKeys(write, parentId);
        connection.SignAuthnRequests = sign;
        connection.UpdatedAt = time.GetUtcNow();
        audit.Record(write.Db, write.Actor, sign ? "sso.authn-requests-signed" : "sso.authn-requests-unsigned",
            connection.EntityId.Length > 320 ? connection.EntityId[..320] : connection.EntityId, null, null, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    private static Task<SamlSpKey?> KeyAsync(GuardedWrite write, SamlSpKeyUse use, SamlSpKeyStatus status, CancellationToken cancellationToken) =>
        write.Db.SamlSpKeys.SingleOrDefaultAsync(k => k.ParentOrganizationId == write.ParentId && k.Use == use && k.Status == status, cancellationToken);

    private void Audit(GuardedWrite write, string action, SamlSpKey key, string? replacedFingerprint) =>
        audit.Record(write.Db, write.Actor, action, key.Fingerprint, replacedFingerprint is null ? null : new { Fingerprint = replacedFingerprint },
            new { key.Use, key.Status, key.Fingerprint, key.NotAfter }, parentOrganizationId: write.ParentId);
}
