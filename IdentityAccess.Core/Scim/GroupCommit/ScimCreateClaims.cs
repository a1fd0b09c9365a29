using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Input;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim.GroupCommit;

/// <summary>
/// The userNames and externalIds a batch of creates may not take: those the directory already holds (read in two
/// queries for the whole batch, each through its index) and those an earlier create of the same batch took. The
/// refusals are the single path's (<see cref="ScimUserUniqueness"/>): 409 uniqueness naming the holder's id, so a
/// batch answers a duplicate exactly as the same requests one after the other would.
/// </summary>
internal sealed class ScimCreateClaims
{
    private readonly Dictionary<string, Holder> _byUserNameKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Holder> _byExternalId = new(StringComparer.Ordinal);

    private sealed record Holder(Guid Id, bool Active);

    public static async Task<ScimCreateClaims> LoadAsync(IdentityAccessDbContext db, Guid parentId, IEnumerable<ScimUserFields> creates,
        CancellationToken cancellationToken)
    {
        var claims = new ScimCreateClaims();
        var list = creates.ToList();
        var keys = list.SelectMany(f => ScimInputRules.UserNameKeys(f.UserName)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var held in await db.DirectoryUsers.AsNoTracking()
                     .Where(u => u.ParentOrganizationId == parentId && keys.Contains(u.NormalizedUserName))
                     .Select(u => new { u.Id, u.NormalizedUserName, u.Active }).ToListAsync(cancellationToken))
        {
            claims._byUserNameKey.TryAdd(held.NormalizedUserName, new Holder(held.Id, held.Active));
        }

        var externalIds = list.Select(f => f.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (externalIds.Count > 0)
        {
            foreach (var held in await db.DirectoryUsers.AsNoTracking()
                         .Where(u => u.ParentOrganizationId == parentId && u.ExternalId != null && externalIds.Contains(u.ExternalId))
                         .Select(u => new { u.Id, u.ExternalId, u.Active }).ToListAsync(cancellationToken))
            {
                claims._byExternalId.TryAdd(held.ExternalId!, new Holder(held.Id, held.Active));
            }
        }

        return claims;
    }

    /// <summary>The 409 this create gets, or null when its userName and externalId are free.</summary>
    public ScimException? ConflictFor(ScimUserFields fields)
    {
        var holder = ScimInputRules.UserNameKeys(fields.UserName).Select(k => _byUserNameKey.GetValueOrDefault(k)).FirstOrDefault(h => h is not null);
        var what = $"userName '{fields.UserName}'";
        if (holder is null && fields.ExternalId is { } externalId && _byExternalId.GetValueOrDefault(externalId) is { } byExternalId)
        {
            (holder, what) = (byExternalId, $"externalId '{externalId}'");
        }

        if (holder is null)
        {
            return null;
        }

        var state = holder.Active ? "" : " It is deactivated: reactivate it (PATCH active=true, or PUT) to keep its id, memberships and role.";
        return ScimException.Uniqueness($"A user with {what} already exists in this directory: id {holder.Id}.{state}");
    }

    /// <summary>A create of this batch takes these values: a later create with the same ones is a duplicate of it.</summary>
    public void Claim(ScimUserFields fields, Guid id)
    {
        _byUserNameKey.TryAdd(ScimInputRules.NormalizedUserName(fields.UserName), new Holder(id, fields.Active));
        if (fields.ExternalId is { } externalId)
        {
            _byExternalId.TryAdd(externalId, new Holder(id, fields.Active));
        }
    }
}
