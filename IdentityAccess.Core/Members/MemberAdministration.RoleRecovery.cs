using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

// Roles set by hand where the IdP decides (overrides), the article's recovery of a role sync took (option 1), and the
// break-glass owner, whom only a parent admin may remove or demote.
public sealed partial class MemberAdministration
{
    /// <summary>Lets the IdP decide the member's role again, from the next sync or sign-in.</summary>
    public Task<IReadOnlyList<Error>> ClearOverrideAsync(Guid organizationId, Guid membershipId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        ChangeListedAsync(organizationId, membershipId, actingPersonId, Permission.ManageIdentityAccess, (write, row) =>
        {
            if (row.RoleOverride is not { } kept)
            {
                return Task.FromResult<Error?>(new NoRoleOverride(row.Person!.Email));
            }

            audit.Record(write.Db, write.Actor, "membership.role_override_cleared", row.Person!.Email,
                new { RoleOverride = RoleCatalog.DisplayName(kept), SetBy = row.RoleOverrideSetBy }, new { Reason = "Cleared by hand: the IdP decides again." },
                organizationId, write.Organization!.ParentId);
            ClearOverride(row);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);

    /// <summary>
    /// Gives back, once, the role a mapping or directory change took (the Owner role included: the help article's
    /// "another Admin or Owner restores it"), kept as an override where the IdP decides roles. Never one's own.
    /// </summary>
    public Task<IReadOnlyList<Error>> RestorePreviousRoleAsync(Guid organizationId, Guid membershipId, Guid actingPersonId,
        CancellationToken cancellationToken = default) =>
        ChangeListedAsync(organizationId, membershipId, actingPersonId, Permission.RestorePreviousRole, async (write, row) =>
        {
            var organization = write.Organization!;
            // Someone the IdP demoted on purpose must not give themselves the role back: another Admin or Owner decides.
            if (row.PersonId == actingPersonId)
            {
                return new CannotRestoreOwnRole();
            }

            if (row.RoleBeforeSync is not { } previous || RoleCatalog.CheckRole(organization.Product, previous) is not null)
            {
                return new NothingToRestore(row.Person!.Email);
            }

            var identity = await IdentitySettingsAsync(write.Db, organizationId, cancellationToken);
            audit.Record(write.Db, write.Actor, "membership.role_restored", row.Person!.Email, new { Role = RoleCatalog.DisplayName(row.Role) },
                new { Role = RoleCatalog.DisplayName(previous), KeptAsOverride = FollowsIdp(organization, identity, row) }, organizationId, organization.ParentId);
            KeepRoleByHand(write.Db, write.Actor, organization, identity, row, previous);
            (row.Role, row.RoleBeforeSync) = (previous, null);
            return null;
        }, cancellationToken);

    /// <summary>The guarded-command shape for a change to one listed member: <paramref name="change"/> refuses, or changes the row and audits.</summary>
    private async Task<IReadOnlyList<Error>> ChangeListedAsync(Guid organizationId, Guid membershipId, Guid actingPersonId, Permission permission,
        Func<GuardedWrite, Membership, Task<Error?>> change, CancellationToken cancellationToken)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, permission, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var row = await FindListedAsync(write.Db, organizationId, membershipId, cancellationToken);
        if (row is null)
        {
            return [new MemberNotFound()];
        }

        return (await change(write, row) ?? await write.CommitAsync(cancellationToken)) is { } error ? [error] : [];
    }

    private sealed record IdentitySettings(bool AdvancedGroupMappings, Guid? BreakGlassPersonId);

    private static async Task<IdentitySettings> IdentitySettingsAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new IdentitySettings(o.AdvancedGroupMappingsEnabled, o.BreakGlassPersonId)).SingleAsync(cancellationToken);

    private static bool FollowsIdp(OrganizationSummary organization, IdentitySettings identity, Membership row) =>
        ProvisioningRules.RoleFollowsIdp(organization.ProvisioningMode, identity.AdvancedGroupMappings, row.Source);

    /// <summary>
    /// A role given by hand to a member whose role the IdP decides would be undone by the next sync or sign-in: it is
    /// kept as an override instead, visibly. A role at least as high as the one sync took leaves nothing to restore.
    /// </summary>
    private void KeepRoleByHand(IdentityAccessDbContext db, AuditActor actor, OrganizationSummary organization, IdentitySettings identity, Membership row, Role role)
    {
        if (row.RoleBeforeSync is { } taken && RoleCatalog.CheckRole(organization.Product, taken) is null
            && RoleCatalog.Rank(organization.Product, role) <= RoleCatalog.Rank(organization.Product, taken))
        {
            row.RoleBeforeSync = null;
        }

        if (!FollowsIdp(organization, identity, row))
        {
            return;
        }

        (row.RoleOverride, row.RoleOverrideSetAt, row.RoleOverrideSetBy) = (role, time.GetUtcNow(), actor.Name);
        audit.Record(db, actor, "membership.role_override_set", row.Person!.Email, null,
            new { RoleOverride = RoleCatalog.DisplayName(role), Reason = "Set by hand where group mappings decide roles: kept until the IdP grants it or it is cleared." },
            organization.Id, organization.ParentId);
    }

    private static void ClearOverride(Membership row) => (row.RoleOverride, row.RoleOverrideSetAt, row.RoleOverrideSetBy) = (null, null, null);

    /// <summary>Removing or demoting the break-glass owner by hand is for parent admins only.</summary>
    private static Error? CheckBreakGlass(ActingRoles acting, IdentitySettings identity, Membership row, Role? newRole) =>
        row.PersonId == identity.BreakGlassPersonId && newRole != row.Role && !OrganizationPermissions.Allows(acting, Permission.RemoveBreakGlassOwner)
            ? new BreakGlassOwnerProtected(OrganizationPermissions.Describe(acting.Product, Permission.RemoveBreakGlassOwner))
            : null;

    /// <summary>A break-glass owner a parent admin removes or demotes is no longer designated (it must be a member in the top role).</summary>
    private async Task ReleaseBreakGlassAsync(IdentityAccessDbContext db, AuditActor actor, OrganizationSummary organization, IdentitySettings identity,
        Membership row, Role? newRole, CancellationToken cancellationToken)
    {
        if (row.PersonId != identity.BreakGlassPersonId || newRole == RoleCatalog.TopRole(organization.Product))
        {
            return;
        }

        var org = await db.Organizations.SingleAsync(o => o.Id == organization.Id, cancellationToken);
        org.BreakGlassPersonId = null;
        org.SettingsVersion++; // a settings draft naming them is stale now
        audit.Record(db, actor, "provisioning.break_glass_cleared", organization.Name, new { BreakGlass = row.Person!.Email }, new { BreakGlass = (string?)null },
            organization.Id, organization.ParentId);
    }
}
