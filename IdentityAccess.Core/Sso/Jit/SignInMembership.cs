using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
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

    /// <summary>E.g. "Owner, Pro seat" or "Member, pending a seat".</summary>
    public string Describe() =>
        $"{RoleCatalog.DisplayName(Role)}{(Tier is { } tier ? $", {tier} seat" : "")}{(Status == MembershipStatus.Active ? "" : $", {StatusWords(Status)}")}";

    /// <summary>
    /// What changed in one organization, e.g. "provisioned in Acme as Member, Standard seat", "role in Acme Member → Admin";
    /// empty when nothing did.
    /// </summary>
    public static IEnumerable<string> Changes(SignInMembership? before, SignInMembership? after)
    {
        if (after is null)
        {
            yield break; // memberships are never deleted at sign-in; an ended one keeps its row with its status
        }

        var name = after.OrganizationName;
        if (before is null || before.Status == MembershipStatus.Removed && after.Status != MembershipStatus.Removed)
        {
            yield return $"provisioned in {name} as {after.Describe()}";
            yield break;
        }

        if (before.Role != after.Role)
        {
            yield return $"role in {name} {RoleCatalog.DisplayName(before.Role)} → {RoleCatalog.DisplayName(after.Role)}";
        }

        if (before.Tier != after.Tier)
        {
            yield return $"seat tier in {name} {before.Tier?.ToString() ?? "none"} → {after.Tier?.ToString() ?? "none"}";
        }

        if (before.Status != after.Status)
        {
            yield return $"status in {name} {StatusWords(before.Status)} → {StatusWords(after.Status)}";
        }
    }

    private static string StatusWords(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => "active",
        MembershipStatus.Invited => "invited",
        MembershipStatus.PendingSeat => "waiting for a seat",
        MembershipStatus.LoginBlocked => "sign-in blocked",
        MembershipStatus.Suspended => "suspended",
        MembershipStatus.Removed => "removed",
    };
}
