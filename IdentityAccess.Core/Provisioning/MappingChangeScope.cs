using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The people a change of group mappings can move, so its dry run (and the save that re-runs it) evaluates them
/// instead of the whole directory. A person's target depends only on the mapped groups they are in, so a change of
/// mappings moves only people in the groups whose mapping changed; the rest stay as the saved settings left them,
/// exactly as a SCIM write's reconcile takes them (<see cref="ReconcileScope"/>). Joined to every such scope: the
/// person saving and the break-glass owner before and after (the guard reads their outcome), and every active member
/// in the top role (whether one is left is the guard's question). The loader adds the pending queue whenever a seat
/// can come free and counts the seats of everyone else.
/// A change of mode or of the mappings switch, or a switch into SCIM adopting members, changes everyone's target:
/// those are evaluated whole (null here), as are the plans <see cref="NeedsEveryone"/> names.
/// </summary>
internal static class MappingChangeScope
{
    public static async Task<ReconcileScope?> ForAsync(IdentityAccessDbContext db, Organizations.Organization org, ProvisioningDraft saved, ProvisioningDraft draft,
        Guid actingPersonId, CancellationToken cancellationToken)
    {
        var (organizationId, parentId, product) = (org.Id, org.ParentOrganizationId, org.Product);
        if (draft.Mode != saved.Mode || draft.AdvancedGroupMappings != saved.AdvancedGroupMappings)
        {
            return null;
        }

        var scope = new ReconcileScope().AddPeople([actingPersonId]);
        scope.AddPeople(new[] { saved.BreakGlassPersonId, draft.BreakGlassPersonId }.OfType<Guid>());
        var top = RoleCatalog.TopRole(product);
        scope.AddPeople(await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Role == top && m.Status == MembershipStatus.Active)
            .Select(m => m.PersonId).ToListAsync(cancellationToken));

        var changed = ChangedGroupKeys(saved, draft);
        if (!draft.UsesMappings || changed.Count == 0)
        {
            return scope;
        }

        // Whoever the directory puts in those groups, and, since JIT decides by the groups of the last sign-in, whoever
        // signed in with one of them: a person known both ways is in the scope once either way.
        scope.AddDirectoryUsers(await db.DirectoryGroupMembers.AsNoTracking()
            .Where(m => db.DirectoryGroups.Any(g => g.Id == m.GroupId && g.ParentOrganizationId == parentId && changed.Contains(g.ExternalId)))
            .Select(m => m.UserId).Distinct().ToListAsync(cancellationToken));
        if (draft.Mode == ProvisioningMode.Jit)
        {
            scope.AddPeople(await SignedInWithAsync(db, parentId, changed, cancellationToken));
        }

        return scope;
    }

    /// <summary>
    /// Whether a scoped plan must be evaluated whole after all: when someone in it gives up or changes a tiered seat
    /// while tier groups are mapped, a seat holder outside the scope whose tier group asks for another tier may be the
    /// one the freed seat goes to first, which only the whole evaluation sees.
    /// </summary>
    public static bool NeedsEveryone(ProvisioningPlan plan) =>
        plan.Settings.TierMappings.Count > 0 && RoleCatalog.TiersOf(plan.Organization.Product).Count > 0
        && plan.Outcomes.Any(o => o.Person.Membership is { HoldsSeat: true } held
            && (o.Desired is not { } desired || !MembershipStatuses.HoldsSeat(desired.Status) || desired.Tier != held.Tier));

    /// <summary>
    /// The scoped input, told whether the parent's directory has an active user outside it: the guard's "SCIM with
    /// nobody assigned" asks about the whole directory, which a scope does not list.
    /// </summary>
    public static async Task<ProvisioningInput> WithDirectoryOutsideAsync(IdentityAccessDbContext db, Guid parentId, ProvisioningInput input,
        CancellationToken cancellationToken) =>
        input.Settings.Mode != ProvisioningMode.Scim || input.People.Any(p => p.Directory == DirectoryPresence.Active)
            ? input
            : input with { ActiveDirectoryUserOutsideInput = await db.DirectoryUsers.AnyAsync(u => u.ParentOrganizationId == parentId && u.Active, cancellationToken) };

    /// <summary>The groups whose role or tier mapping the draft adds, removes or changes.</summary>
    internal static HashSet<string> ChangedGroupKeys(ProvisioningDraft saved, ProvisioningDraft draft)
    {
        var roles = saved.RoleMappings.ToHashSet();
        roles.SymmetricExceptWith(draft.RoleMappings);
        var tiers = saved.TierMappings.ToHashSet();
        tiers.SymmetricExceptWith(draft.TierMappings);
        return [.. roles.Select(m => m.GroupKey), .. tiers.Select(m => m.GroupKey)];
    }

    private static async Task<List<Guid>> SignedInWithAsync(IdentityAccessDbContext db, Guid parentId, HashSet<string> changed, CancellationToken cancellationToken)
    {
        // Each link's groups are a short list; read them and match here rather than ask both providers to search JSON.
        var links = await db.SamlIdentityLinks.AsNoTracking().Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null)
            .Select(l => new { l.PersonId, l.LastSignInGroups }).ToListAsync(cancellationToken);
        return [.. links.Where(l => l.LastSignInGroups.Any(changed.Contains)).Select(l => l.PersonId)];
    }
}
