using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Provisioning.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>
/// JIT provisioning at the ACS: for every organization joined to the parent that provisions just in time (its mode is
/// JIT and its plan allows JIT: <see cref="ParentOrganizationMode.ProvisionsJustInTime"/>), the rule engine
/// evaluates the person as signing in now (through the mass-change breaker), with the groups their assertion carried (stored on their identity link
/// before this runs), and its plan is applied like any other. Manual and SCIM organizations are only read: SSO
/// lets their existing members in and provisions nobody. The organizations, their settings, mappings and seat pools,
/// the domains and the group names come from the parent's snapshot (<see cref="ParentSnapshots"/>), checked in the
/// caller's transaction; only the person's own rows and the seats held are read per sign-in.
/// </summary>
public sealed class JitProvisioner(PlanApplier applier, TopRoleHolds holds, MassRemovalBreaker breaker, ParentSnapshots snapshots)
{
    /// <summary>The parent's organizations in the reconciler's lock order (no deadlock between the two).</summary>
    public async Task<IReadOnlyList<ParentOrganizationMode>> OrganizationsAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().Where(o => o.ParentOrganizationId == parentId).OrderBy(o => o.Id)
            .Select(o => new ParentOrganizationMode(o.Id, o.Name, o.ProvisioningMode, o.Plan, o.Parent!.Plan)).ToListAsync(cancellationToken);

    /// <summary>
    /// Runs inside the caller's transaction, in the organizations of <see cref="OrganizationsAsync"/>' list, each under
    /// its settings as saved now; the caller saves.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationAccess>> ProvisionAsync(IdentityAccessDbContext db, Guid parentId,
        IReadOnlyList<ParentOrganizationMode> organizations, Guid personId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var listed = organizations.Select(o => o.Id).ToHashSet();
        return await snapshots.CurrentAsync(db, parentId, cancellationToken) is { } snapshot
            ? (await ProvisionAsync(db, snapshot, personId, actor, cancellationToken, listed.Contains)).Access
            : [];
    }

    /// <summary>
    /// The same over the snapshot the caller checked in this transaction (the ACS: one check per sign-in), with the
    /// person's memberships in the parent's organizations as they were before it (<see cref="SignInMembership"/>).
    /// </summary>
    /// <param name="listed">The organizations to go through; all of the parent's when null.</param>
    internal async Task<(IReadOnlyList<OrganizationAccess> Access, IReadOnlyDictionary<Guid, SignInMembership> Before)> ProvisionAsync(
        IdentityAccessDbContext db, ParentSnapshot snapshot, Guid personId, AuditActor actor, CancellationToken cancellationToken,
        Func<Guid, bool>? listed = null)
    {
        using var span = Telemetry.IdentityAccessTelemetry.Start("sso.jit");
        span?.SetTag("identityaccess.parent.id", snapshot.ParentId).SetTag("identityaccess.person.id", personId);
        snapshot = await LockAsync(db, snapshot, cancellationToken);
        // Read once, under the locks (nothing else writes them until this commits): what a Manual or SCIM organization
        // answers (this sign-in writes none of theirs), what the log compares with, and the person's own row in each
        // JIT organization's input, instead of one more read per organization.
        var memberships = await ProvisioningInputLoader.PersonMembershipsAsync(db, snapshot.ParentId, personId, cancellationToken);
        var before = SignInMembership.From(memberships);
        var access = new List<OrganizationAccess>();
        foreach (var organization in snapshot.Organizations.Where(o => listed?.Invoke(o.Id) ?? true))
        {
            access.Add(ParentOrganizationMode.Of(organization).ProvisionsJustInTime
                ? await ProvisionInAsync(db, snapshot, organization, personId, memberships, actor, cancellationToken)
                : new OrganizationAccess(organization.Id, organization.Name, false, before.GetValueOrDefault(organization.Id)?.Status, null));
        }

        return (access, before);
    }

    /// <summary>
    /// Locks the organizations that provision just in time, in id order, as the reconciler does. On PostgreSQL the
    /// snapshot was checked before the locks, so it is checked again under them: a settings, mapping or seat save that
    /// committed while this sign-in waited is obeyed, as when each organization's settings were read after its lock.
    /// SQLite's writer holds the database since its BEGIN, so nothing can have changed.
    /// </summary>
    private async Task<ParentSnapshot> LockAsync(IdentityAccessDbContext db, ParentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var locked = new HashSet<Guid>();
        while (true)
        {
            foreach (var organization in snapshot.Organizations.Where(o => ParentOrganizationMode.Of(o).ProvisionsJustInTime && !locked.Contains(o.Id)))
            {
                await OrganizationWrite.LockAsync(db, organization.Id, cancellationToken);
                locked.Add(organization.Id);
            }

            if (!db.Database.IsNpgsql() || locked.Count == 0)
            {
                return snapshot;
            }

            var current = await snapshots.CurrentAsync(db, snapshot.ParentId, cancellationToken) ?? snapshot;
            if (ReferenceEquals(current, snapshot)
                || current.Organizations.Where(o => ParentOrganizationMode.Of(o).ProvisionsJustInTime).All(o => locked.Contains(o.Id)))
            {
                return current;
            }

            snapshot = current; // an organization switched to JIT meanwhile: lock it too, then check again
        }
    }

    private async Task<OrganizationAccess> ProvisionInAsync(IdentityAccessDbContext db, ParentSnapshot snapshot, OrganizationSnapshot organization,
        Guid personId, IReadOnlyList<ProvisioningInputLoader.PersonMembership> memberships, AuditActor actor, CancellationToken cancellationToken)
    {
        var parentId = snapshot.ParentId;
        var input = await ProvisioningInputLoader.LoadForSignInAsync(db, organization, snapshot.SavedSettings[organization.Id], snapshot.GroupNames,
            personId, memberships, cancellationToken);
        // The loader lists whoever signed in, so the person is there: marked as signing in now, JIT may provision them.
        input = input with { People = [.. input.People.Select(p => p.PersonId == personId ? p with { SigningIn = true } : p)] };
        // A demotion or removal the breaker holds leaves the person signing in with the role they have now, until reviewed.
        (input, var plan) = await breaker.EvaluateAsync(db, input, parentId, actor, "Sign-in (JIT)", cancellationToken);
        var applied = await applier.ApplyAsync(db, plan, parentId, actor, snapshot.Domains, cancellationToken);
        await holds.TrackAsync(db, input, plan, parentId, actor, actor.Name, cancellationToken); // a last top role is kept, and the change held
        var outcome = plan.For(personId);
        return new OrganizationAccess(organization.Id, organization.Name, true, outcome?.Desired?.Status, outcome?.Reasons.LastOrDefault()?.Text, applied.Total);
    }
}
