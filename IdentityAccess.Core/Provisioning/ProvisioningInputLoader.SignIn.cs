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
        await _personMemberships.For(db)(db, parentId, personId).ToListAsync(cancellationToken);

    // Read on every sign-in, as the reads below: compiled, since EF's per-call lookup of the translated query (hashing
    // this projection's expression tree) cost about as much as SQLite's read itself (docs/performance.md, 2026-12-07 (4)).
    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, Guid, IAsyncEnumerable<PersonMembership>>> _personMemberships = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid parentId, Guid personId) => db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Organization!.ParentOrganizationId == parentId)
            // The same row as MembersAsync reads for the engine, with the organization it is in.
            .Select(m => new PersonMembership(m.OrganizationId, m.Organization!.Name,
                new MemberRow(m.PersonId, m.Person!.Email, m.Person.DisplayName, new CurrentMembership(m.Role, m.SeatTier, m.Status, m.Source, m.StatusChangedAt)
                {
                    Override = m.RoleOverride == null ? null : new RoleOverride(m.RoleOverride.Value, m.RoleOverrideSetBy, m.RoleOverrideSetAt),
                    RoleBeforeSync = m.RoleBeforeSync,
                })))));

    /// <summary>The people with a top-role change held in the organization (few rows), read by every load: compiled.</summary>
    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, IAsyncEnumerable<Guid>>> _heldTopRole = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid organizationId) => db.HeldTopRoleChanges.AsNoTracking()
            .Where(h => h.OrganizationId == organizationId && h.ResolvedAt == null).Select(h => h.PersonId)));

    /// <summary>
    /// The last sign-ins of one person under the parent (one a linked IdP), the whole scope of a sign-in that
    /// nobody else joined: compiled. A larger scope reads them in <see cref="WithSignInGroupsAsync"/>'s own query.
    /// </summary>
    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, Guid, IAsyncEnumerable<SignInLinkRow>>> _personSignIns = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid parentId, Guid personId) => db.SamlIdentityLinks.AsNoTracking()
            .Where(l => l.ParentOrganizationId == parentId && l.LastSignInAt != null && l.PersonId == personId)
            .Select(l => new SignInLinkRow(l.PersonId, l.LastSignInAt, l.LastSignInGroups, l.LastSignInGroupsOverage, l.Person!.Email, l.Person.DisplayName))));

    /// <summary>A person's last SSO sign-in under the parent, as the engine's input reads it.</summary>
    private sealed record SignInLinkRow(Guid PersonId, DateTimeOffset? LastSignInAt, List<string> LastSignInGroups, bool LastSignInGroupsOverage,
        string Email, string DisplayName);

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
