using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>
/// JIT provisioning at the ACS: for every organization joined to the parent that provisions just in time (its mode is
/// JIT and its plan allows JIT: <see cref="ParentOrganizationMode.ProvisionsJustInTime"/>), the rule engine
/// evaluates the person as signing in now (through the mass-change breaker), with the groups their assertion carried (stored on their identity link
/// before this runs), and its plan is applied like any other. Manual and SCIM organizations are only read: SSO
/// lets their existing members in and provisions nobody.
/// </summary>
public sealed class JitProvisioner(PlanApplier applier, TopRoleHolds holds, MassRemovalBreaker breaker)
{
    /// <summary>The parent's organizations in the reconciler's lock order (no deadlock between the two).</summary>
    public async Task<IReadOnlyList<ParentOrganizationMode>> OrganizationsAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().Where(o => o.ParentOrganizationId == parentId).OrderBy(o => o.Id)
            .Select(o => new ParentOrganizationMode(o.Id, o.Name, o.ProvisioningMode, o.Plan, o.Parent!.Plan)).ToListAsync(cancellationToken);

    /// <summary>Runs inside the caller's transaction, over <see cref="OrganizationsAsync"/>' list; the caller saves.</summary>
    public async Task<IReadOnlyList<OrganizationAccess>> ProvisionAsync(IdentityAccessDbContext db, Guid parentId,
        IReadOnlyList<ParentOrganizationMode> organizations, Guid personId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        using var span = Telemetry.IdentityAccessTelemetry.Start("sso.jit");
        span?.SetTag("identityaccess.parent.id", parentId).SetTag("identityaccess.person.id", personId);
        var access = new List<OrganizationAccess>();
        foreach (var organization in organizations)
        {
            access.Add(organization.ProvisionsJustInTime
                ? await ProvisionInAsync(db, parentId, organization.Id, organization.Name, personId, actor, cancellationToken)
                : new OrganizationAccess(organization.Id, organization.Name, false, await StatusInAsync(db, organization.Id, personId, cancellationToken), null));
        }

        return access;
    }

    private async Task<OrganizationAccess> ProvisionInAsync(IdentityAccessDbContext db, Guid parentId, Guid organizationId, string name, Guid personId,
        AuditActor actor, CancellationToken cancellationToken)
    {
        await OrganizationWrite.LockAsync(db, organizationId, cancellationToken);
        var settings = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organizationId, cancellationToken))!;
        var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, settings, new ReconcileScope().AddPeople([personId]), cancellationToken))!;
        // The loader lists whoever signed in, so the person is there: marked as signing in now, JIT may provision them.
        input = input with { People = [.. input.People.Select(p => p.PersonId == personId ? p with { SigningIn = true } : p)] };
        // A demotion or removal the breaker holds leaves the person signing in with the role they have now, until reviewed.
        (input, var plan) = await breaker.EvaluateAsync(db, input, parentId, actor, "Sign-in (JIT)", cancellationToken);
        var applied = await applier.ApplyAsync(db, plan, parentId, actor, cancellationToken);
        await holds.TrackAsync(db, input, plan, parentId, actor, actor.Name, cancellationToken); // a last top role is kept, and the change held
        var outcome = plan.For(personId);
        return new OrganizationAccess(organizationId, name, true, outcome?.Desired?.Status, outcome?.Reasons.LastOrDefault()?.Text, applied);
    }

    private static async Task<MembershipStatus?> StatusInAsync(IdentityAccessDbContext db, Guid organizationId, Guid personId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.PersonId == personId)
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
}
