using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Seats;
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
    /// fewer statements. The held top-role changes and the seats held come in one compiled statement; whoever else
    /// joins the scope (a held top-role change) is read as before.
    /// </summary>
    public static async Task<ProvisioningInput> LoadForSignInAsync(IdentityAccessDbContext db, OrganizationSnapshot org, ProvisioningDraft draft,
        IReadOnlyDictionary<string, string> groups, Guid personId, IReadOnlyList<PersonMembership> memberships, CancellationToken cancellationToken)
    {
        var heldTopRole = new List<Guid>();
        var seatsHeld = new Dictionary<string, int>();
        await foreach (var row in _heldTopRoleAndSeats.For(db)(db, org.Id).WithCancellation(cancellationToken))
        {
            if (row.Kind == HeldTopRoleRow)
            {
                heldTopRole.Add(row.PersonId);
            }
            else
            {
                seatsHeld[row.Tier] = seatsHeld.GetValueOrDefault(row.Tier) + row.Held; // the counter plus its unfolded changes
            }
        }

        var known = new SignInReads([.. memberships.Where(m => m.OrganizationId == org.Id && m.Row.PersonId == personId).Select(m => m.Row)], heldTopRole,
            seatsHeld.Where(s => s.Value != 0).ToDictionary()); // as SeatHoldingCounts.HeldAsync leaves out a tier that holds none
        return await LoadAsync(db, org, draft, groups, new ReconcileScope().AddPeople([personId]), known, cancellationToken);
    }

    /// <summary>What a sign-in read for the scoped load, in this transaction under the organization's lock.</summary>
    /// <param name="Members">The person's own membership row in the organization (none when not a member).</param>
    /// <param name="SeatsHeld">Seats held per tier key, as <see cref="SeatHoldingCounts.HeldAsync"/> answers.</param>
    private sealed record SignInReads(IReadOnlyList<MemberRow> Members, List<Guid> HeldTopRole, Dictionary<string, int> SeatsHeld);

    private const int HeldTopRoleRow = 0;
    private const int SeatCountRow = 1;

    /// <summary>
    /// The organization's held top-role changes (one row a person) and its seat counters with their unfolded changes
    /// (rows of a tier, summed in memory, as <see cref="SeatHoldingCounts.HeldAsync"/> sums them in SQL): one compiled
    /// statement instead of two, each of which cost a sign-in more in EF's per-call work than in the database.
    /// </summary>
    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, IAsyncEnumerable<HeldRow>>> _heldTopRoleAndSeats = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid organizationId) => db.HeldTopRoleChanges.AsNoTracking()
            .Where(h => h.OrganizationId == organizationId && h.ResolvedAt == null)
            .Select(h => new HeldRow { Kind = HeldTopRoleRow, PersonId = h.PersonId, Tier = SeatHolding.NoTier, Held = 0 })
            .Concat(db.SeatHoldings.AsNoTracking().Where(h => h.OrganizationId == organizationId)
                .Select(h => new HeldRow { Kind = SeatCountRow, PersonId = Guid.Empty, Tier = h.Tier, Held = h.Held }))
            .Concat(db.SeatHoldingChanges.AsNoTracking().Where(c => c.OrganizationId == organizationId)
                .Select(c => new HeldRow { Kind = SeatCountRow, PersonId = Guid.Empty, Tier = c.Tier, Held = c.Delta }))));

    /// <summary>A row of <see cref="_heldTopRoleAndSeats"/>: a held top-role change's person, or a tier's seats held.</summary>
    private sealed class HeldRow
    {
        public int Kind { get; init; }
        public Guid PersonId { get; init; }
        public string Tier { get; init; } = SeatHolding.NoTier;
        public int Held { get; init; }
    }

    /// <summary>
    /// The organization's pending queue without the one person a sign-in's scope holds: compiled, the same SQL as
    /// <see cref="ScopedMembersAsync"/>' read of it for a larger scope.
    /// </summary>
    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, Guid, IAsyncEnumerable<MemberRow>>> _pendingExceptOne = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid organizationId, Guid personId) => db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.PendingSeat && m.PersonId != personId)
            .Select(m => new MemberRow(m.PersonId, m.Person!.Email, m.Person.DisplayName, new CurrentMembership(m.Role, m.SeatTier, m.Status, m.Source, m.StatusChangedAt)
            {
                Override = m.RoleOverride == null ? null : new RoleOverride(m.RoleOverride.Value, m.RoleOverrideSetBy, m.RoleOverrideSetAt),
                RoleBeforeSync = m.RoleBeforeSync,
            }))));
}
