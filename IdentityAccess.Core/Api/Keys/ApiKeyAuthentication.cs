using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Api.Keys;

/// <summary>
/// Checks a key presented to the API on every request: found by its prefix, its secret compared in constant time with
/// the stored hash, refused when revoked or expired, and its creator's parent-admin standing read afresh.
/// </summary>
public sealed class ApiKeyAuthentication(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time)
{
    /// <summary>"Last used" needs no more precision than this: one write a minute per key, not one per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecret.Parse(token) is not { } presented)
        {
            return ApiKeyCheck.Unknown;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.Where(k => k.Prefix == presented.Prefix)
            .Select(k => new
            {
                Key = k,
                CreatorIsParentAdmin = db.ParentAdministrators.Any(a => a.ParentOrganizationId == k.ParentOrganizationId && a.PersonId == k.CreatedByPersonId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !presented.Matches(found.Key.Hash))
        {
            return ApiKeyCheck.Unknown;
        }

        var (key, now) = (found.Key, time.GetUtcNow());
        if (key.RevokedAt is not null)
        {
            return new ApiKeyCheck(ApiKeyCheckOutcome.Revoked, null);
        }

        if (key.ExpiresAt <= now)
        {
            return new ApiKeyCheck(ApiKeyCheckOutcome.Expired, null);
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedPrecision)
        {
            // Set-based, so two requests at once do not trip over each other's tracked copy.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyCheck(ApiKeyCheckOutcome.Valid, new ApiKeyCaller(key.Id, key.Name, key.Prefix, key.ParentOrganizationId, key.CreatedByPersonId,
            key.Scope, key.OrganizationIds, found.CreatorIsParentAdmin));
    }
}
