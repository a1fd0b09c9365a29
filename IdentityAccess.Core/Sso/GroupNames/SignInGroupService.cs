using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>
/// The groups a name-sending IdP named at sign-in, for a parent without a SCIM directory. A rename in the IdP reaches
/// the portal only as an unknown name, so a parent admin says which recorded group it is: the group keeps its key, and
/// so its mappings in every organization of the parent (<see cref="Permission.ManageParentSettings"/>, audited).
/// </summary>
public sealed class SignInGroupService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit)
{
    /// <summary>For an organization's Identity and access page; null when the person may not open it.</summary>
    public async Task<SignInGroupsView?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        return check.IsGranted ? await ReadAsync(check.Organization!.ParentId, cancellationToken) : null;
    }

    /// <summary>For the parent's page; null when the person may not view the parent.</summary>
    public async Task<SignInGroupsView?> ListForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        (await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted
            ? await ReadAsync(parentId, cancellationToken)
            : null;

    /// <summary>
    /// The recorded group <paramref name="key"/> is now called <paramref name="newName"/> in the IdP. When people already
    /// signed in under the new name, it was recorded as a group of its own: that one is merged into this one (their last
    /// sign-in then carries this key), unless it is mapped somewhere, which is refused rather than dropped silently.
    /// </summary>
    public async Task<Error?> RenameAsync(Guid parentId, string key, string newName, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is not null)
        {
            return write.Refusal;
        }

        if (GroupNameMatching.Unusable(newName ?? "") is { } reason)
        {
            return new SignInGroupNameInvalid(reason);
        }

        var db = write.Db;
        var group = await db.SignInGroups.SingleOrDefaultAsync(g => g.ParentOrganizationId == parentId && g.Key == key, cancellationToken);
        if (group is null)
        {
            return new SignInGroupNotFound();
        }

        var (name, normalized) = (newName!.Trim(), GroupNameMatching.Normalize(newName));
        if (name == group.Name)
        {
            return null;
        }

        var merged = await db.SignInGroups.SingleOrDefaultAsync(g => g.ParentOrganizationId == parentId && g.NormalizedName == normalized && g.Id != group.Id,
            cancellationToken);
        if (merged is not null && await MappedInAsync(db, parentId, [merged.Key], cancellationToken) is { Count: > 0 } mappedIn)
        {
            return new SignInGroupNameMapped(merged.Name, string.Join(", ", mappedIn[merged.Key]));
        }

        var before = new { group.Key, group.Name };
        if (merged is not null)
        {
            db.SignInGroups.Remove(merged);
            // Only this parent's links whose last sign-in carried the merged group.
            var links = await db.SamlIdentityLinks.Where(l => l.ParentOrganizationId == parentId && l.LastSignInGroups.Contains(merged.Key))
                .ToListAsync(cancellationToken);
            links.ForEach(l => l.ReplaceGroupKey(merged.Key, group.Key));
            await db.SaveChangesAsync(cancellationToken); // the merged name is free before this group takes it (unique index)
        }

        (group.Name, group.NormalizedName) = (name, normalized);
        audit.Record(db, write.Actor, "sso.signin-group-renamed", name.Length > 320 ? name[..320] : name, before,
            new { group.Key, group.Name, MergedKey = merged?.Key }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    private async Task<SignInGroupsView> ReadAsync(Guid parentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.SignInGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var mappedIn = await MappedInAsync(db, parentId, [.. groups.Select(g => g.Key)], cancellationToken);
        return new SignInGroupsView(await SamlGroupNames.HasDirectoryAsync(db, parentId, cancellationToken),
            [.. groups.Select(g => new SignInGroupView(g.Key, g.Name, g.FirstSeenAt, g.LastSeenAt, mappedIn.GetValueOrDefault(g.Key) ?? []))]);
    }

    /// <summary>The organizations of the parent mapping each of <paramref name="keys"/>, by key.</summary>
    private static async Task<Dictionary<string, List<string>>> MappedInAsync(IdentityAccessDbContext db, Guid parentId, List<string> keys,
        CancellationToken cancellationToken) =>
        keys.Count == 0 ? []
        : (await db.GroupMappings.Where(m => keys.Contains(m.GroupExternalId))
                .Join(db.Organizations.Where(o => o.ParentOrganizationId == parentId), m => m.OrganizationId, o => o.Id, (m, o) => new { m.GroupExternalId, o.Name })
                .Distinct().ToListAsync(cancellationToken))
            .GroupBy(m => m.GroupExternalId).ToDictionary(g => g.Key, g => g.Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase).ToList());
}
