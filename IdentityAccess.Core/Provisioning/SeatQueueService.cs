using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The seat queue of an organization and the question an owner asks before buying: "whom would N more seats
/// admit?". The answer comes from the rule engine itself, run with the extra seats, so it cannot disagree with
/// what Sync now will then do.
/// </summary>
public sealed class SeatQueueService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access)
{
    /// <param name="skip">People of the queue before the first returned, for a caller that pages through it (the API).</param>
    public async Task<SeatQueue?> GetAsync(Guid organizationId, Guid actingPersonId, int take = 50, int skip = 0,
        CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (!check.IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.PendingSeat);
        var waiting = await pending
            .OrderBy(m => m.StatusChangedAt).ThenBy(m => m.Person!.NormalizedEmail).ThenBy(m => m.Id).Skip(skip).Take(take)
            .Select(m => new { m.PersonId, m.Person!.Email, m.Person.DisplayName, m.SeatTier, m.StatusChangedAt })
            .ToListAsync(cancellationToken);
        return new SeatQueue([.. waiting.Select((w, i) => new WaitingPerson(skip + i + 1, w.PersonId, w.Email, w.DisplayName, w.SeatTier, w.StatusChangedAt))],
            RoleCatalog.TiersOf(check.Organization!.Product))
        {
            Total = skip == 0 && waiting.Count < take ? waiting.Count : await pending.CountAsync(cancellationToken),
        };
    }

    /// <summary>The people <paramref name="seats"/> more seats of <paramref name="tier"/> would admit at the next sync, in order.</summary>
    public async Task<IReadOnlyList<KnownPerson>?> WouldAdmitAsync(Guid organizationId, Guid actingPersonId, SeatTier? tier, int seats,
        CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var input = (await ProvisioningInputLoader.LoadWithSavedSettingsAsync(db, organizationId, cancellationToken))!;
        var admittedNow = Admitted(input).Select(p => p.Key).ToHashSet();
        var more = input with
        {
            Organization = input.Organization with { Seats = [.. input.Organization.Seats, new SeatPoolFacts(tier, Math.Max(seats, 0))] },
        };
        return [.. Admitted(more).Where(p => !admittedNow.Contains(p.Key))
            .OrderBy(p => p.Membership?.Status == MembershipStatus.PendingSeat ? p.Membership.StatusChangedAt : p.AssignedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(p => p.Email, StringComparer.OrdinalIgnoreCase)]; // the queue's order, as the engine admits them
    }

    // Who would get a seat they do not hold now: people leaving the queue, or arriving with a seat free.
    private static IEnumerable<KnownPerson> Admitted(ProvisioningInput input) =>
        ProvisioningRules.Evaluate(input).Outcomes
            .Where(o => o.Desired?.Status == MembershipStatus.Active && o.Person.Membership?.HoldsSeat != true && !o.AtNextSignIn)
            .Select(o => o.Person);
}
