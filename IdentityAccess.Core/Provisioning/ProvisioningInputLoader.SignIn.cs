using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The engine's input for one person signing in, whose own memberships the sign-in has just read.</summary>
internal static partial class ProvisioningInputLoader
{
    /// <summary>One of a person's memberships in an organization of the parent, as the engine's input holds it.</summary>
    internal sealed record PersonMembership(Guid OrganizationId, string OrganizationName, MemberRow Row);

    /// <summary>
    /// The person's memberships in every organization of the parent, in one statement: a sign-in reads them once, under
    /// the locks of the organizations it provisions, for what it compares its changes with and for the person's own
    /// row in each organization's input (<see cref="LoadForSignInAsync"/>), instead of once more per organization.
    /// </summary>
    public static async Task<IReadOnlyList<PersonMembership>> PersonMembershipsAsync(IdentityAccessDbContext db, Guid parentId, Guid personId,
        CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Organization!.ParentOrganizationId == parentId)
            // The same row as MembersAsync reads for the engine, with the organization it is in.
            .Select(m => new PersonMembership(m.OrganizationId, m.Organization!.Name,
                new MemberRow(m.PersonId, m.Person!.Email, m.Person.DisplayName, new CurrentMembership(m.Role, m.SeatTier, m.Status, m.Source, m.StatusChangedAt)
                {
                    Override = m.RoleOverride == null ? null : new RoleOverride(m.RoleOverride.Value, m.RoleOverrideSetBy, m.RoleOverrideSetAt),
                    RoleBeforeSync = m.RoleBeforeSync,
                })))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The scoped load of one person (<see cref="ReconcileScope.AddPeople"/>) with their rows of
    /// <see cref="PersonMembershipsAsync"/>, read in this transaction after the organization's lock: the same input,
    /// one statement fewer. Whoever else joins the scope (a held top-role change) is read as before.
    /// </summary>
    public static Task<ProvisioningInput> LoadForSignInAsync(IdentityAccessDbContext db, OrganizationSnapshot org, ProvisioningDraft draft,
        IReadOnlyDictionary<string, string> groups, Guid personId, IReadOnlyList<PersonMembership> memberships, CancellationToken cancellationToken) =>
        LoadAsync(db, org, draft, groups, new ReconcileScope().AddPeople([personId]),
            [.. memberships.Where(m => m.OrganizationId == org.Id && m.Row.PersonId == personId).Select(m => m.Row)], cancellationToken);
}
