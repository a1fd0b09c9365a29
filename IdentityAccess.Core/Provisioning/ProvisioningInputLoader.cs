using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>Reads what the rule engine needs for one organization: the only I/O around the engine.</summary>
internal static class ProvisioningInputLoader
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
    public static async Task<ProvisioningInput> LoadAsync(IdentityAccessDbContext db, OrganizationSnapshot org, ProvisioningDraft draft,
        IReadOnlyDictionary<string, string> groups, ReconcileScope? scope, CancellationToken cancellationToken)
    {
        var organizationId = org.Id;
        List<SeatPoolFacts> pools = [.. org.Pools];
        // Few rows: a held top-role change waits for the organization to have another top role, or for its IdP to stop asking.
        var heldTopRole = await db.HeldTopRoleChanges.AsNoTracking().Where(h => h.OrganizationId == organizationId && h.ResolvedAt == null)
            .Select(h => h.PersonId).ToListAsync(cancellationToken);
        var (members, seats) = scope is null
            ? (await MembersAsync(db, db.Memberships.Where(m => m.OrganizationId == organizationId), cancellationToken), pools)
            : await ScopedMembersAsync(db, organizationId, pools, scope, heldTopRole, cancellationToken);
        var facts = new OrganizationFacts(org.Id, org.Name, org.Plan, org.ParentPlan, org.Mode, seats, org.SettingsVersion);
        var topRoleElsewhere = scope is not null && await TopRoleHeldElsewhereAsync(db, facts, members, cancellationToken);

        var memberIds = members.Select(m => m.PersonId).ToHashSet();
        var (directoryUsers, groupKeysByUser) = await ProvisioningDirectoryReads.LoadAsync(db, org.ParentId, scope, memberIds, cancellationToken);

        var people = new List<KnownPerson>();
        var directoryByPerson = directoryUsers.Where(u => u.PersonId is not null).ToDictionary(u => u.PersonId!.Value);
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
    /// For a scoped load: whether an active top-role member is left out of it. Asked only when one of those loaded
    /// has the top role now, since otherwise nothing they do can take the organization's last one away.
    /// </summary>
    private static async Task<bool> TopRoleHeldElsewhereAsync(IdentityAccessDbContext db, OrganizationFacts organization, List<MemberRow> members,
        CancellationToken cancellationToken)
    {
        var top = RoleCatalog.TopRole(organization.Product);
        if (!members.Any(m => m.Current.Status == MembershipStatus.Active && m.Current.Role == top))
        {
            return false;
        }

        var listed = members.Select(m => m.PersonId).ToList();
        var topRoles = db.Memberships.Where(m => m.OrganizationId == organization.OrganizationId && m.Role == top && m.Status == MembershipStatus.Active);
        return await (ScopeIds.AsOneParameter(listed)
            ? topRoles.Where(m => !EF.Parameter(listed).Contains(m.PersonId))
            : topRoles.Where(m => !listed.Contains(m.PersonId))).AnyAsync(cancellationToken);
    }

    /// <summary>
    /// JIT decides by the groups of each person's last SSO sign-in, not by the directory. People who signed in
    /// without becoming members (in no mapped group, say) are listed too, so the owner sees them.
    /// </summary>
    private static async Task<List<KnownPerson>> WithSignInGroupsAsync(IdentityAccessDbContext db, Guid parentId, List<KnownPerson> people,
        ReconcileScope? scope, CancellationToken cancellationToken)
    {
        var links = db.SamlIdentityLinks.AsNoTracking().Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null);
        if (scope is not null)
        {
            var scoped = people.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Concat(scope.PersonIds).Distinct().ToList();
            links = links.Where(l => scoped.Contains(l.PersonId));
        }

        var signIns = (await links
                .Select(l => new { l.PersonId, l.LastSignInAt, l.LastSignInGroups, l.LastSignInGroupsOverage, l.Person!.Email, l.Person.DisplayName })
                .ToListAsync(cancellationToken))
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

    /// <summary>
    /// The scope's members, plus the pending queue when a seat may come free for it; the seat pools shrink by the
    /// seats everyone else holds, so the engine hands out only what is really free.
    /// </summary>
    private static async Task<(List<MemberRow>, List<SeatPoolFacts>)> ScopedMembersAsync(IdentityAccessDbContext db, Guid organizationId,
        List<SeatPoolFacts> pools, ReconcileScope scope, List<Guid> heldTopRole, CancellationToken cancellationToken)
    {
        var userIds = scope.DirectoryUserIds.ToList();
        // A scope of people only (a sign-in) has no directory users to resolve: no round trip for an empty list.
        var linkedPeople = userIds.Count == 0 ? []
            : await (ScopeIds.AsOneParameter(userIds)
                ? db.DirectoryUsers.Where(u => EF.Parameter(userIds).Contains(u.Id) && u.PersonId != null)
                : db.DirectoryUsers.Where(u => userIds.Contains(u.Id) && u.PersonId != null)).Select(u => u.PersonId!.Value).ToListAsync(cancellationToken);
        // People with a held top-role change join every scope: whoever this request touches may be the other top role
        // that lets their change apply, and a full reconcile would see the same.
        var personIds = linkedPeople.Concat(scope.PersonIds).Concat(heldTopRole).ToHashSet();
        var scopedIds = personIds.ToList();
        var oneParameter = ScopeIds.AsOneParameter(scopedIds);
        var members = await MembersAsync(db, oneParameter
            ? db.Memberships.Where(m => m.OrganizationId == organizationId && EF.Parameter(scopedIds).Contains(m.PersonId))
            : db.Memberships.Where(m => m.OrganizationId == organizationId && scopedIds.Contains(m.PersonId)), cancellationToken);

        // Kept by database triggers: reading it costs the same at a hundred members or a hundred thousand.
        var heldByEveryone = (await SeatHoldingCounts.HeldAsync(db, organizationId, cancellationToken))
            .Select(h => new { Tier = h.Key == SeatHolding.NoTier ? (SeatTier?)null : Enum.Parse<SeatTier>(h.Key), Count = h.Value }).ToList();
        var heldByOthers = heldByEveryone.ToDictionary(h => h.Tier ?? NoTier, h => h.Count);
        foreach (var member in members.Where(m => m.Current.HoldsSeat))
        {
            heldByOthers[member.Current.Tier ?? NoTier]--;
        }

        List<SeatPoolFacts> seats = [.. pools.Select(p => p with { Purchased = p.Purchased - heldByOthers.GetValueOrDefault(p.Tier ?? NoTier) })];
        seats.AddRange(heldByOthers.Where(h => h.Value > 0 && !pools.Any(p => (p.Tier ?? NoTier) == h.Key))
            .Select(h => new SeatPoolFacts(h.Key == NoTier ? null : h.Key, -h.Value)));

        var seatMayComeFree = members.Any(m => m.Current.HoldsSeat)
            || pools.Any(p => p.Purchased > heldByEveryone.Where(h => h.Tier == p.Tier).Sum(h => h.Count));
        if (seatMayComeFree)
        {
            var pending = db.Memberships.Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.PendingSeat);
            members.AddRange(await MembersAsync(db, oneParameter
                ? pending.Where(m => !EF.Parameter(scopedIds).Contains(m.PersonId))
                : pending.Where(m => !scopedIds.Contains(m.PersonId)), cancellationToken));
        }

        return (members, seats);
    }

    // Stands for "no tier" (a Console organization's seats) as a dictionary key.
    private const SeatTier NoTier = (SeatTier)(-1);

    private sealed record MemberRow(Guid PersonId, string Email, string DisplayName, CurrentMembership Current);
}
