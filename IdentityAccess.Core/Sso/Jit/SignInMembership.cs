using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>
/// A person's membership in one organization of the parent, read before and after a sign-in provisions, so its log
/// row says what changed from what to what, whatever path (engine, holds, breaker) decided it.
/// </summary>
internal sealed record SignInMembership(Guid OrganizationId, string OrganizationName, Role Role, SeatTier? Tier, MembershipStatus Status)
{
    /// <summary>The person's memberships in the parent's organizations, as the caller's transaction sees them now.</summary>
    public static async Task<IReadOnlyDictionary<Guid, SignInMembership>> LoadAsync(IdentityAccessDbContext db, Guid parentId, Guid personId,
        CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Organization!.ParentOrganizationId == parentId)
            .Select(m => new SignInMembership(m.OrganizationId, m.Organization!.Name, m.Role, m.SeatTier, m.Status))
            .ToDictionaryAsync(m => m.OrganizationId, cancellationToken);

    /// <summary>The same from the rows the JIT provisioner read for the engine's input.</summary>
    public static IReadOnlyDictionary<Guid, SignInMembership> From(IEnumerable<Provisioning.ProvisioningInputLoader.PersonMembership> memberships) =>
        memberships.ToDictionary(m => m.OrganizationId,
            m => new SignInMembership(m.OrganizationId, m.OrganizationName, m.Row.Current.Role, m.Row.Current.Tier, m.Row.Current.Status));

    /// <summary>
    /// The same after the sign-in's second save, without reading again: <paramref name="before"/> with the person's
    /// memberships the change tracker holds in these organizations, which are every row this sign-in wrote (the plan
    /// applier's tracked path), as saved. Null when a plan was large enough to be applied set-based, which the tracker
    /// does not see: the caller reads them then.
    /// </summary>
    public static IReadOnlyDictionary<Guid, SignInMembership>? AfterSave(IdentityAccessDbContext db, IReadOnlyDictionary<Guid, SignInMembership> before,
        Guid personId, IReadOnlyList<OrganizationAccess> access)
    {
        if (access.Any(a => a.MembershipChanges >= Provisioning.PlanApplier.SetBasedFrom))
        {
            return null;
        }

        var names = access.ToDictionary(a => a.OrganizationId, a => a.OrganizationName);
        var after = new Dictionary<Guid, SignInMembership>(before);
        foreach (var row in db.ChangeTracker.Entries<Membership>().Select(e => e.Entity).Where(m => m.PersonId == personId))
        {
            if (names.TryGetValue(row.OrganizationId, out var name))
            {
                after[row.OrganizationId] = new SignInMembership(row.OrganizationId, name, row.Role, row.SeatTier, row.Status);
            }
        }

        return after;
    }

    /// <summary>The membership as a log phrase's values: role (its display name), tier (empty for none), status (its name).</summary>
    public string[] Values() => [RoleCatalog.DisplayName(Role), Tier?.ToString() ?? "", Status.ToString()];

    /// <summary>
    /// What changed in one organization, e.g. "provisioned in Acme as Member, Standard seat", "role in Acme Member → Admin";
    /// empty when nothing did.
    /// </summary>
    public static IEnumerable<LogPhrase> Changes(SignInMembership? before, SignInMembership? after)
    {
        if (after is null)
        {
            yield break; // memberships are never deleted at sign-in; an ended one keeps its row with its status
        }

        var name = after.OrganizationName;
        if (before is null || before.Status == MembershipStatus.Removed && after.Status != MembershipStatus.Removed)
        {
            yield return LogPhrase.Of(LogPhraseCode.ProvisionedIn, [name, .. after.Values()]);
            yield break;
        }

        if (before.Role != after.Role)
        {
            yield return LogPhrase.Of(LogPhraseCode.RoleChangedIn, name, RoleCatalog.DisplayName(before.Role), RoleCatalog.DisplayName(after.Role));
        }

        if (before.Tier != after.Tier)
        {
            yield return LogPhrase.Of(LogPhraseCode.TierChangedIn, name, before.Tier?.ToString() ?? "", after.Tier?.ToString() ?? "");
        }

        if (before.Status != after.Status)
        {
            yield return LogPhrase.Of(LogPhraseCode.StatusChangedIn, name, before.Status.ToString(), after.Status.ToString());
        }
    }
}
