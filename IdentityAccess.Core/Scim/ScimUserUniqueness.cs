using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Input;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Per directory, userName is unique case-insensitively after NFC and externalId exactly (RFC 7643 §4.1.1); another
/// parent's directory holding the same values is no conflict. A duplicate is 409 uniqueness naming the existing
/// user's id, so an IdP can link to it instead of creating (Okta re-POSTs on reactivation; Entra matches by userName).
/// A deactivated user is a duplicate too: reactivating it (PATCH active=true, or PUT) keeps its id.
/// </summary>
internal static class ScimUserUniqueness
{
    public static async Task EnsureUniqueAsync(IdentityAccessDbContext db, Guid parentId, ScimUserFields fields, Guid? self,
        CancellationToken cancellationToken)
    {
        if (await FindConflictAsync(db, parentId, fields, self, cancellationToken) is { } conflict)
        {
            throw conflict;
        }
    }

    /// <summary>
    /// After the unique indexes refused a save (a concurrent write of the same userName or externalId won): the 409 naming
    /// the winner, read through a new context because the failed one's transaction may be aborted (PostgreSQL).
    /// </summary>
    public static async Task<ScimException> RaceLostAsync(IDbContextFactory<IdentityAccessDbContext> contexts, Guid parentId, ScimUserFields fields,
        Guid self, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindConflictAsync(db, parentId, fields, self, cancellationToken)
            ?? ScimException.Uniqueness($"A user with userName '{fields.UserName}' or externalId '{fields.ExternalId}' was written at the same time; retry the request.");
    }

    private static async Task<ScimException?> FindConflictAsync(IdentityAccessDbContext db, Guid parentId, ScimUserFields fields, Guid? self,
        CancellationToken cancellationToken)
    {
        var keys = ScimInputRules.UserNameKeys(fields.UserName);
        var externalId = fields.ExternalId;
        var existing = await db.DirectoryUsers.AsNoTracking()
            .Where(u => u.ParentOrganizationId == parentId && u.Id != self
                && (keys.Contains(u.NormalizedUserName) || (externalId != null && u.ExternalId == externalId)))
            .Select(u => new { u.Id, u.NormalizedUserName, u.Active })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var what = keys.Contains(existing.NormalizedUserName) ? $"userName '{fields.UserName}'" : $"externalId '{externalId}'";
        var state = existing.Active ? "" : " It is deactivated: reactivate it (PATCH active=true, or PUT) to keep its id, memberships and role.";
        return ScimException.Uniqueness($"A user with {what} already exists in this directory: id {existing.Id}.{state}");
    }
}
