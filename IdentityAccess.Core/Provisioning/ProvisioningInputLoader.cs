using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>Reads what the rule engine needs for one organization: the only I/O around the engine.</summary>
internal static partial class ProvisioningInputLoader
{
    public static Task<ProvisioningInput?> LoadAsync(IdentityAccessDbContext db, Guid organizationId, ProvisioningDraft draft,
        CancellationToken cancellationToken) => LoadAsync(db, organizationId, draft, null, cancellationToken);

    /// <summary>
    /// The engine's input for everyone (<paramref name="scope"/> null), or only for the people a directory write
    /// touched, with the seats everyone else holds already taken.
    /// </summary>
    public static async Task<ProvisioningInput?> LoadAsync(IdentityAccessDbContext db, Guid organizationId, ProvisioningDraft draft,
        ReconcileScope? scope, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Plan, ParentPlan = o.Parent!.Plan, o.ProvisioningMode, o.ParentOrganizationId, o.SettingsVersion, o.Parent.RemovalGraceDays })
            .SingleOrDefaultAsync(cancellationToken);
        if (org is null)
        {
            return null;
        }

        var pools = await db.SeatPools.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .Select(p => new SeatPoolFacts(p.Tier, p.Purchased)).ToListAsync(cancellationToken);
        var known = new OrganizationSnapshot(org.Id, org.ParentOrganizationId, org.Name, org.Plan, org.ParentPlan, org.ProvisioningMode, org.SettingsVersion,
            org.RemovalGraceDays, pools);
        return await LoadAsync(db, known, draft, await GroupNamesAsync(db, org.ParentOrganizationId, cancellationToken), scope, cancellationToken);
    }

    /// <summary>
    /// The same, with what rarely changes already known (<see cref="ParentSnapshots"/>, checked in this transaction):
    /// only the people, their memberships and groups, and the seats held are read.
    /// </summary>
    public static Task<ProvisioningInput> LoadAsync(IdentityAccessDbContext db, OrganizationSnapshot org, ProvisioningDraft draft,
        IReadOnlyDictionary<string, string> groups, ReconcileScope? scope, CancellationToken cancellationToken) =>
        LoadAsync(db, org, draft, groups, scope, null, cancellationToken);

    /// <param name="signIn">
    /// The scope's own membership rows in this organization, the held top-role changes and the seats held, when the
    /// caller read them in this transaction under the organization's lock (a sign-in: <see cref="LoadForSignInAsync"/>);
    /// null to read them here.
    /// </param>
    private static async Task<ProvisioningInput> LoadAsync(IdentityAccessDbContext db, OrganizationSnapshot org, ProvisioningDraft draft,
        IReadOnlyDictionary<string, string> groups, ReconcileScope? scope, SignInReads? signIn, CancellationToken cancellationToken)
    {
        var organizationId = org.Id;
        List<SeatPoolFacts> pools = [.. org.Pools];
        // Few rows: a held top-role change waits for the organization to have another top role, or for its IdP to stop asking.
        var heldTopRole = signIn?.HeldTopRole ?? await _heldTopRole.For(db)(db, organizationId).ToListAsync(cancellationToken);
        var (members, seats) = scope is null
            ? (await MembersAsync(db, db.Memberships.Where(m => m.OrganizationId == organizationId), cancellationToken), pools)
            : await ScopedMembersAsync(db, organizationId, pools, scope, heldTopRole, signIn, cancellationToken);
        var facts = new OrganizationFacts(org.Id, org.Name, org.Plan, org.ParentPlan, org.Mode, seats, org.SettingsVersion);
        var topRoleElsewhere = scope is not null && await TopRoleHeldElsewhereAsync(db, facts, members, cancellationToken);

        // Sized up front, as below: at a million people a collection grown by doubling leaves as much again in discarded
        // arrays on the large-object heap, which only a full collection gives back (the working set, docs/performance.md).
        var memberIds = new HashSet<Guid>(members.Count);
        memberIds.UnionWith(members.Select(m => m.PersonId));
        var (directoryUsers, groupKeysByUser) = await ProvisioningDirectoryReads.LoadAsync(db, org.ParentId, scope, memberIds, cancellationToken);

        var people = new List<KnownPerson>(members.Count + directoryUsers.Count);
        var directoryByPerson = new Dictionary<Guid, ProvisioningDirectoryReads.DirectoryUserRow>(directoryUsers.Count);
        foreach (var user in directoryUsers.Where(u => u.PersonId is not null))
        {
            directoryByPerson.Add(user.PersonId!.Value, user); // Add, as ToDictionary did: one directory user a person
        }

        foreach (var member in members)
        {
            var user = directoryByPerson.GetValueOrDefault(member.PersonId);
            people.Add(new KnownPerson(member.PersonId, user?.Id, member.Email, member.DisplayName,
                user is null ? DirectoryPresence.Absent : user.Active ? DirectoryPresence.Active : DirectoryPresence.Deactivated,
                user is null ? GroupKnowledge.Unknown : GroupKnowledge.Directory,
                user is null ? [] : groupKeysByUser.GetValueOrDefault(user.Id) ?? [], user?.CreatedAt, member.Current)
            { DeactivatedAt = user?.DeactivatedAt });
        }

        foreach (var user in directoryUsers.Where(u => u.PersonId is null || !memberIds.Contains(u.PersonId.Value)))
        {
            people.Add(new KnownPerson(user.PersonId, user.Id, user.Email ?? user.UserName, user.DisplayName ?? user.UserName,
                user.Active ? DirectoryPresence.Active : DirectoryPresence.Deactivated, GroupKnowledge.Directory,
                groupKeysByUser.GetValueOrDefault(user.Id) ?? [], user.CreatedAt, null)
            { DeactivatedAt = user.DeactivatedAt });
        }

        if (draft.Mode == ProvisioningMode.Jit)
        {
            people = await WithSignInGroupsAsync(db, org.ParentId, people, scope, cancellationToken);
        }

        return new ProvisioningInput(facts, draft, people, groups)
        {
            HeldTopRole = heldTopRole.ToHashSet(),
            TopRoleHeldOutsideInput = topRoleElsewhere,
            RemovalGrace = TimeSpan.FromDays(org.RemovalGraceDays),
        };
    }

    /// <summary>
    /// JIT decides by the groups of each person's last SSO sign-in, not by the directory. People who signed in
    /// without becoming members (in no mapped group, say) are listed too, so the owner sees them.
    /// </summary>
    private static async Task<List<KnownPerson>> WithSignInGroupsAsync(IdentityAccessDbContext db, Guid parentId, List<KnownPerson> people,
        ReconcileScope? scope, CancellationToken cancellationToken)
    {
        var links = db.SamlIdentityLinks.AsNoTracking().Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null);
        var scoped = scope is null ? null
            : people.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Concat(scope.PersonIds).Distinct().ToList();
        var rows = scoped is [var onlyPerson] // a sign-in's scope, nobody else in it: the compiled read of one person
            ? await _personSignIns.For(db)(db, parentId, onlyPerson).ToListAsync(cancellationToken)
            : await (scoped is null ? links : links.Where(l => scoped.Contains(l.PersonId)))
                .Select(l => new SignInLinkRow(l.PersonId, l.LastSignInAt, l.LastSignInGroups, l.LastSignInGroupsOverage, l.Person!.Email, l.Person.DisplayName))
                .ToListAsync(cancellationToken);
        var signIns = rows
            .GroupBy(l => l.PersonId).Select(g => g.MaxBy(l => l.LastSignInAt)!) // a person linked to two IdPs: their latest sign-in
            .ToDictionary(l => l.PersonId);
        var result = people.Select(p => p.PersonId is { } id && signIns.TryGetValue(id, out var signIn)
            ? p with { GroupsFrom = GroupKnowledge.LastSignIn, GroupKeys = signIn.LastSignInGroups, GroupsIncomplete = signIn.LastSignInGroupsOverage }
            : p).ToList();
        var listed = result.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).ToHashSet();
        result.AddRange(signIns.Values.Where(s => !listed.Contains(s.PersonId)).Select(s =>
            new KnownPerson(s.PersonId, null, s.Email, s.DisplayName, DirectoryPresence.Absent, GroupKnowledge.LastSignIn, s.LastSignInGroups, null, null)
            {
                GroupsIncomplete = s.LastSignInGroupsOverage,
            }));
        return result;
    }

    /// <summary>The engine's input under the settings as saved (Sync now, "Why this role?", the settings page).</summary>
    public static async Task<ProvisioningInput?> LoadWithSavedSettingsAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await LoadSavedDraftAsync(db, organizationId, cancellationToken) is { } saved
            ? await LoadAsync(db, organizationId, saved, cancellationToken)
            : null;

    /// <summary>
    /// The parent's groups, current name by immutable key: the directory's, and those an IdP that sends names named at
    /// sign-in (<see cref="Sso.GroupNames.SignInGroup"/>); the directory's name wins a key both hold.
    /// </summary>
    public static async Task<Dictionary<string, string>> GroupNamesAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var names = await db.DirectoryGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId)
            .ToDictionaryAsync(g => g.ExternalId, g => g.DisplayName, cancellationToken);
        foreach (var seen in await db.SignInGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId)
            .Select(g => new { g.Key, g.Name }).ToListAsync(cancellationToken))
        {
            names.TryAdd(seen.Key, seen.Name);
        }

        return names;
    }

    /// <summary>The settings as saved, as a draft to start editing from.</summary>
    public static async Task<ProvisioningDraft?> LoadSavedDraftAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        (await LoadSavedAsync(db, organizationId, cancellationToken))?.Draft;

    /// <summary>The organization's row (untracked) with its settings as saved; null when there is no such organization.</summary>
    public static async Task<SavedSettings?> LoadSavedAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (org is null)
        {
            return null;
        }

        var mappings = await db.GroupMappings.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .OrderBy(m => m.GroupExternalId).ToListAsync(cancellationToken); // a stable order, so a reloaded draft compares equal
        return new SavedSettings(org, SavedDraft(org, mappings));
    }

    internal sealed record SavedSettings(Organizations.Organization Organization, ProvisioningDraft Draft);

    /// <summary>An organization's saved settings from its row and its mappings (in <c>GroupExternalId</c> order).</summary>
    public static ProvisioningDraft SavedDraft(Organizations.Organization org, IEnumerable<GroupMappings.GroupMapping> mappings) =>
        new(org.ProvisioningMode, org.AdvancedGroupMappingsEnabled,
            [.. mappings.Where(m => m.Role is not null).Select(m => new GroupMappings.RoleMapping(m.GroupExternalId, m.Role!.Value))],
            [.. mappings.Where(m => m.Tier is not null).Select(m => new GroupMappings.TierMapping(m.GroupExternalId, m.Tier!.Value))],
            org.BreakGlassPersonId, org.SettingsVersion);

    private static async Task<List<MemberRow>> MembersAsync(IdentityAccessDbContext db, IQueryable<Membership> memberships, CancellationToken cancellationToken) =>
        await memberships.AsNoTracking()
            .Select(m => new MemberRow(m.PersonId, m.Person!.Email, m.Person.DisplayName, new CurrentMembership(m.Role, m.SeatTier, m.Status, m.Source, m.StatusChangedAt)
            {
                Override = m.RoleOverride == null ? null : new RoleOverride(m.RoleOverride.Value, m.RoleOverrideSetBy, m.RoleOverrideSetAt),
                RoleBeforeSync = m.RoleBeforeSync,
            }))
            .ToListAsync(cancellationToken);

    internal sealed record MemberRow(Guid PersonId, string Email, string DisplayName, CurrentMembership Current);
}
