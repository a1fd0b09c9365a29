using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>Reads what the rule engine needs for one organization: the only I/O around the engine.</summary>
internal static class ProvisioningInputLoader
{
    public static async Task<ProvisioningInput?> LoadAsync(IdentityAccessDbContext db, Guid organizationId, ProvisioningDraft draft,
        CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Plan, ParentPlan = o.Parent!.Plan, o.ProvisioningMode, o.ParentOrganizationId, o.SettingsVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (org is null)
        {
            return null;
        }

        var seats = await db.SeatPools.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .Select(p => new SeatPoolFacts(p.Tier, p.Purchased)).ToListAsync(cancellationToken);
        var facts = new OrganizationFacts(org.Id, org.Name, org.Plan, org.ParentPlan, org.ProvisioningMode, seats, org.SettingsVersion);

        var members = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Select(m => new { m.PersonId, m.Person!.Email, m.Person.DisplayName, Current = new CurrentMembership(m.Role, m.SeatTier, m.Status, m.Source, m.StatusChangedAt) })
            .ToListAsync(cancellationToken);
        var directoryUsers = await db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == org.ParentOrganizationId)
            .Select(u => new { u.Id, u.PersonId, u.UserName, u.Email, u.DisplayName, u.Active, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var groups = await db.DirectoryGroups.AsNoTracking().Where(g => g.ParentOrganizationId == org.ParentOrganizationId)
            .ToDictionaryAsync(g => g.ExternalId, g => g.DisplayName, cancellationToken);
        var groupKeysByUser = (await db.DirectoryGroupMembers.AsNoTracking()
                .Join(db.DirectoryGroups.Where(g => g.ParentOrganizationId == org.ParentOrganizationId), m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, g.ExternalId })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.ExternalId);

        var people = new List<KnownPerson>();
        var directoryByPerson = directoryUsers.Where(u => u.PersonId is not null).ToDictionary(u => u.PersonId!.Value);
        foreach (var member in members)
        {
            var user = directoryByPerson.GetValueOrDefault(member.PersonId);
            people.Add(new KnownPerson(member.PersonId, user?.Id, member.Email, member.DisplayName,
                user is null ? DirectoryPresence.Absent : user.Active ? DirectoryPresence.Active : DirectoryPresence.Deactivated,
                user is null ? GroupKnowledge.Unknown : GroupKnowledge.Directory,
                user is null ? [] : [.. groupKeysByUser[user.Id]], user?.CreatedAt, member.Current));
        }

        var memberIds = members.Select(m => m.PersonId).ToHashSet();
        foreach (var user in directoryUsers.Where(u => u.PersonId is null || !memberIds.Contains(u.PersonId.Value)))
        {
            people.Add(new KnownPerson(user.PersonId, user.Id, user.Email ?? user.UserName, user.DisplayName ?? user.UserName,
                user.Active ? DirectoryPresence.Active : DirectoryPresence.Deactivated, GroupKnowledge.Directory,
                [.. groupKeysByUser[user.Id]], user.CreatedAt, null));
        }

        return new ProvisioningInput(facts, draft, people, groups);
    }

    /// <summary>The engine's input under the settings as saved (Sync now, "Why this role?", the settings page).</summary>
    public static async Task<ProvisioningInput?> LoadWithSavedSettingsAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await LoadSavedDraftAsync(db, organizationId, cancellationToken) is { } saved
            ? await LoadAsync(db, organizationId, saved, cancellationToken)
            : null;

    /// <summary>The settings as saved, as a draft to start editing from.</summary>
    public static async Task<ProvisioningDraft?> LoadSavedDraftAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (org is null)
        {
            return null;
        }

        var mappings = await db.GroupMappings.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .OrderBy(m => m.GroupExternalId).ToListAsync(cancellationToken); // a stable order, so a reloaded draft compares equal
        return new ProvisioningDraft(org.ProvisioningMode, org.AdvancedGroupMappingsEnabled,
            [.. mappings.Where(m => m.Role is not null).Select(m => new GroupMappings.RoleMapping(m.GroupExternalId, m.Role!.Value))],
            [.. mappings.Where(m => m.Tier is not null).Select(m => new GroupMappings.TierMapping(m.GroupExternalId, m.Tier!.Value))],
            org.BreakGlassPersonId, org.SettingsVersion);
    }
}
