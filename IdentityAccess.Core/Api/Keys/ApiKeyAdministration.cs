using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Api.Keys;

/// <summary>
/// Creating, listing and revoking a parent organization's API keys: guarded commands on the parent (its lock, the acting
/// person's standing read under it), for its admins only (<see cref="Permission.ManageParentSettings"/>), each audited.
/// </summary>
public sealed class ApiKeyAdministration(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    public async Task<(CreatedApiKey? Key, Error? Refusal)> CreateAsync(Guid parentId, NewApiKey request, Guid? actingPersonId,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return (null, refused);
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ApiKeyRules.MaxNameLength)
        {
            return (null, new ApiKeyNameInvalid(ApiKeyRules.MaxNameLength));
        }

        if (request.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return (null, new ApiKeyExpiryInPast());
        }

        var organizations = request.OrganizationIds.Distinct().ToList();
        var ofParent = await write.Db.Organizations.CountAsync(o => o.ParentOrganizationId == parentId && organizations.Contains(o.Id), cancellationToken);
        if (ofParent != organizations.Count)
        {
            return (null, new ApiKeyOrganizationNotInParent());
        }

        var secret = ApiKeySecret.New();
        var key = new ApiKey
        {
            ParentOrganizationId = parentId,
            Name = name,
            Prefix = secret.Prefix,
            Hash = secret.Hash,
            Scope = request.Scope,
            OrganizationIds = organizations,
            CreatedByPersonId = actingPersonId!.Value,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = request.ExpiresAt,
        };
        write.Db.ApiKeys.Add(key);
        audit.Record(write.Db, write.Actor, "api.key_created", $"{key.Name} ({key.Prefix})", null,
            new { key.Name, key.Prefix, Scope = key.Scope.ToString(), Organizations = organizations, key.ExpiresAt }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken) is { } failed ? (null, failed) : (new CreatedApiKey(key.Id, key.Name, key.Prefix, secret.Token), null);
    }

    /// <summary>The parent's keys that are not revoked, newest first; null when the person is not one of its admins.</summary>
    public async Task<IReadOnlyList<ApiKeyView>?> ListAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.ParentOrganizationId == parentId && k.RevokedAt == null)
            .Join(db.People, k => k.CreatedByPersonId, p => p.Id, (k, p) => new { Key = k, Creator = p.DisplayName })
            .ToListAsync(cancellationToken);
        var names = await db.Organizations.AsNoTracking().Where(o => o.ParentOrganizationId == parentId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. keys.OrderByDescending(k => k.Key.CreatedAt).Select(k => new ApiKeyView(k.Key.Id, k.Key.Name, k.Key.Prefix, k.Key.Scope,
            [.. k.Key.OrganizationIds.Where(names.ContainsKey).Select(id => names[id]).Order(StringComparer.CurrentCultureIgnoreCase)],
            k.Creator, k.Key.CreatedAt, k.Key.ExpiresAt, k.Key.LastUsedAt))];
    }

    public async Task<Error?> RevokeAsync(Guid parentId, Guid keyId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var key = await write.Db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.ParentOrganizationId == parentId && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return new ApiKeyNotFound();
        }

        key.RevokedAt = time.GetUtcNow();
        audit.Record(write.Db, write.Actor, "api.key_revoked", $"{key.Name} ({key.Prefix})", new { key.Name, key.Prefix }, null, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }
}
