using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim.Input;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Scim;

/// <summary>SCIM Groups of one parent's directory; each write and the membership changes it causes share one transaction.</summary>
public sealed class ScimGroupService(IDbContextFactory<IdentityAccessDbContext> contexts, DirectoryReconciler reconciler, TimeProvider time,
    IOptions<ScimInputOptions> input)
{
    private static readonly AuditActor _actor = AuditActor.System(SystemActors.DirectorySync);

    public Task<JsonObject> CreateAsync(Guid parentId, JsonObject body, string baseUrl, CancellationToken cancellationToken = default) =>
        WriteAsync(parentId, null, null, baseUrl, async (db, changes) =>
        {
            var name = ScimGroupInput.DisplayName(ScimJson.Get(body, "displayName"));
            var externalId = ScimGroupInput.ExternalId(ScimJson.Get(body, "externalId"));
            ScimGroupInput.EnsureMemberCount(body, input.Value.MaxMembersPerRequest);
            var members = ScimGroupDocument.MemberIds(ScimJson.Get(body, "members"));
            await EnsureUniqueAsync(db, parentId, name, null, cancellationToken);
            await EnsureExternalIdUniqueAsync(db, parentId, externalId, cancellationToken);
            ProvisioningLogNotes.Group(LogPhraseCode.GroupCreated, name);
            var now = time.GetUtcNow();
            var group = new DirectoryGroup { ParentOrganizationId = parentId, DisplayName = name, ExternalId = "", CreatedAt = now, UpdatedAt = now };
            group.ExternalId = ScimGroupDocument.KeyFor(externalId, group.Id);
            group.NormalizedDisplayName = name.ToUpperInvariant();
            db.DirectoryGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            await ScimGroupMembers.AddAsync(db, parentId, group.Id, members, changes, cancellationToken);
            return group;
        }, cancellationToken);

    /// <param name="ifMatch">The If-Match header (or a Bulk operation's version): refused with 412 unless it names the current version.</param>
    public Task<JsonObject> ReplaceAsync(Guid parentId, Guid id, JsonObject body, string baseUrl, string? ifMatch = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(parentId, id, ifMatch, baseUrl, async (db, changes) =>
        {
            var group = await FindAsync(db, parentId, id, cancellationToken);
            ScimGroupInput.EnsureMemberCount(body, input.Value.MaxMembersPerRequest);
            var name = ScimGroupInput.DisplayName(ScimJson.Get(body, "displayName"));
            var members = ScimGroupDocument.MemberIds(ScimJson.Get(body, "members"));
            ProvisioningLogNotes.Group(LogPhraseCode.GroupReplaced, group.DisplayName);
            await RenameAsync(db, group, name, cancellationToken);
            await ScimGroupMembers.ClearAsync(db, group.Id, changes, cancellationToken);
            await ScimGroupMembers.AddAsync(db, parentId, group.Id, members, changes, cancellationToken);
            return group;
        }, cancellationToken);

    public Task<JsonObject> PatchAsync(Guid parentId, Guid id, JsonObject patch, string baseUrl, string? ifMatch = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(parentId, id, ifMatch, baseUrl, async (db, changes) =>
        {
            var group = await FindAsync(db, parentId, id, cancellationToken);
            if (ScimJson.Get(patch, "Operations") is not JsonArray operations || operations.Count == 0)
            {
                throw ScimException.InvalidSyntax("A PatchOp needs an Operations array.");
            }

            ScimGroupInput.EnsureMemberCount(patch, input.Value.MaxMembersPerRequest);

            ProvisioningLogNotes.Group(LogPhraseCode.GroupUpdated, group.DisplayName);
            foreach (var operation in operations.OfType<JsonObject>())
            {
                await ScimGroupPatch.ApplyAsync(db, parentId, group, operation, RenameAsync, changes, cancellationToken);
            }

            return group;
        }, cancellationToken);

    public async Task DeleteAsync(Guid parentId, Guid id, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        await WriteAsync(parentId, id, ifMatch, "", async (db, changes) =>
        {
            var group = await FindAsync(db, parentId, id, cancellationToken);
            ProvisioningLogNotes.Group(LogPhraseCode.GroupDeleted, group.DisplayName);
            if (await IsMappedAsync(db, parentId, group.ExternalId, cancellationToken))
            {
                changes.Removed(await MemberIdsAsync(db, group.Id, cancellationToken)); // their rows go with the group
            }

            db.DirectoryGroups.Remove(group);
            return group;
        }, cancellationToken);

    public async Task<JsonObject> GetAsync(Guid parentId, Guid id, bool withMembers, string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await FindAsync(db, parentId, id, cancellationToken);
        return ScimGroupDocument.Render(group, withMembers ? await MembersAsync(db, group.Id, cancellationToken) : null, baseUrl);
    }

    /// <summary>One page of the parent's groups matching the filter, in SQL; the filter is ANDed to the parent's condition.</summary>
    public async Task<(IReadOnlyList<JsonObject> Page, int Total)> ListAsync(Guid parentId, ScimListQuery query, bool withMembers,
        string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = ScimGroupQuery.Filter(db.DirectoryGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId), db.DirectoryGroupMembers, query.Filter);
        var ordered = ScimGroupQuery.Sort(groups, db.DirectoryGroupMembers, query.SortBy, query.Descending);
        var total = await groups.CountAsync(cancellationToken);
        var page = query.Count == 0 ? [] : await ordered.Skip(query.StartIndex - 1).Take(query.Count).ToListAsync(cancellationToken);
        var rendered = new List<JsonObject>();
        foreach (var group in page)
        {
            rendered.Add(ScimGroupDocument.Render(group, withMembers ? await MembersAsync(db, group.Id, cancellationToken) : null, baseUrl));
        }

        return (rendered, total);
    }

    private async Task<JsonObject> WriteAsync(Guid parentId, Guid? groupId, string? ifMatch, string baseUrl,
        Func<IdentityAccessDbContext, GroupMemberChanges, Task<DirectoryGroup>> write, CancellationToken cancellationToken)
    {
        // Two PATCHes adding the same person to one group may both insert the row: the loser retries and finds it there.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (groupId is { } claimed)
                {
                    // First, so the members read next are not changed meanwhile.
                    await ScimVersionClaim.RaiseAsync(db.DirectoryGroups.Where(g => g.Id == claimed && g.ParentOrganizationId == parentId), g => g.Version,
                        ifMatch, "group", cancellationToken);
                }

                var changes = new GroupMemberChanges();
                var group = await write(db, changes);
                group.UpdatedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);

                // Only people who joined or left the group can have a different outcome, and only when a synced
                // organization maps the group (its key never changes); a rename changes nobody.
                var scope = new ReconcileScope();
                if (await IsMappedAsync(db, parentId, group.ExternalId, cancellationToken))
                {
                    scope.AddDirectoryUsers(changes.JoinedOrLeft);
                }

                await reconciler.ReconcileAsync(db, parentId, _actor, scope, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ScimGroupDocument.Render(group, null, baseUrl);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw ScimException.Uniqueness("The group changed concurrently or its displayName is taken; retry the request.");
            }
        }
    }

    private static async Task<IReadOnlyList<(Guid, string?)>> MembersAsync(IdentityAccessDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        [.. (await db.DirectoryGroupMembers.Where(m => m.GroupId == groupId)
            .Join(db.DirectoryUsers, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.UserName, u.CreatedAt })
            .OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken)).Select(u => (u.Id, (string?)(u.DisplayName ?? u.UserName)))];

    private static Task<bool> IsMappedAsync(IdentityAccessDbContext db, Guid parentId, string? groupKey, CancellationToken cancellationToken) =>
        db.GroupMappings.AnyAsync(m => m.GroupExternalId == groupKey && db.Organizations.Any(o => o.Id == m.OrganizationId
            && o.ParentOrganizationId == parentId && o.ProvisioningMode == ProvisioningMode.Scim && o.AdvancedGroupMappingsEnabled), cancellationToken);

    private static async Task<HashSet<Guid>> MemberIdsAsync(IdentityAccessDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        [.. await db.DirectoryGroupMembers.Where(m => m.GroupId == groupId).Select(m => m.UserId).ToListAsync(cancellationToken)];

    private static async Task<DirectoryGroup> FindAsync(IdentityAccessDbContext db, Guid parentId, Guid id, CancellationToken cancellationToken) =>
        await db.DirectoryGroups.SingleOrDefaultAsync(g => g.Id == id && g.ParentOrganizationId == parentId, cancellationToken)
        ?? throw ScimException.NotFound($"Group {id}");

    private static async Task RenameAsync(IdentityAccessDbContext db, DirectoryGroup group, string name, CancellationToken cancellationToken)
    {
        name = ScimGroupInput.DisplayName(JsonValue.Create(name));
        await EnsureUniqueAsync(db, group.ParentOrganizationId, name, group.Id, cancellationToken);
        ProvisioningLogNotes.GroupRenamed(group, name);
        (group.DisplayName, group.NormalizedDisplayName) = (name, name.ToUpperInvariant());
    }

    private static async Task EnsureUniqueAsync(IdentityAccessDbContext db, Guid parentId, string name, Guid? self, CancellationToken cancellationToken)
    {
        var normalized = name.ToUpperInvariant();
        if (await db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId && g.NormalizedDisplayName == normalized && g.Id != self)
            .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            throw ScimException.Uniqueness($"A group named '{name}' already exists in this directory: id {existing}.");
        }
    }

    // The externalId is the group's mapping key: a second group with the same one would take over its mappings.
    private static async Task EnsureExternalIdUniqueAsync(IdentityAccessDbContext db, Guid parentId, string? externalId, CancellationToken cancellationToken)
    {
        if (externalId is not null && await db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId && g.ExternalId == externalId)
            .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            throw ScimException.Uniqueness($"A group with externalId '{externalId}' already exists in this directory: id {existing}.");
        }
    }
}
