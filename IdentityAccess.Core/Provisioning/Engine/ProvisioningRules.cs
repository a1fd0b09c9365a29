using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// The one implementation of the provisioning rules: settings + directory + memberships + seats → the desired
/// membership of every person, with reasons. Pure: no I/O, no clock. The save guard, Sync now, SCIM, JIT, the
/// what-if simulator and "Why this role?" all call this.
/// </summary>
public static class ProvisioningRules
{
    public static ProvisioningPlan Evaluate(ProvisioningInput input)
    {
        using var span = Telemetry.IdentityAccessTelemetry.Start("provisioning.rules");
        span?.SetTag("identityaccess.organization.id", input.Organization.OrganizationId).SetTag("identityaccess.people", input.People.Count);
        var groups = new GroupResolutions(input);
        var plan = Evaluate(input, groups, null);
        if (TopRoleKeeper.Choose(input, plan) is not { } keep)
        {
            return plan;
        }

        // Evaluated again with that person kept as they are, so the seat they keep is not handed to someone else.
        var asked = plan.Outcomes.First(o => ReferenceEquals(o.Person, keep));
        var kept = Evaluate(input, groups, keep);
        return kept with { Outcomes = [.. kept.Outcomes.Select(o => ReferenceEquals(o.Person, keep) ? TopRoleKeeper.Held(o, asked) : o)] };
    }

    /// <summary>
    /// Whether the rules decide this member's role from their groups (JIT or SCIM with group mappings), so that a role
    /// set by hand must be kept as an override or the next sync or sign-in undoes it. Under JIT the groups of the last
    /// sign-in decide every member's role; under SCIM only the roles sync granted.
    /// </summary>
    public static bool RoleFollowsIdp(ProvisioningMode mode, bool advancedGroupMappings, MembershipSource source) => mode switch
    {
        ProvisioningMode.Jit => advancedGroupMappings,
        ProvisioningMode.Scim => advancedGroupMappings && source == MembershipSource.Scim,
        ProvisioningMode.Manual => false,
    };

    private static ProvisioningPlan Evaluate(ProvisioningInput input, GroupResolutions groups, KnownPerson? keptForTopRole)
    {
        var targets = input.People.Select(p => (Person: p, Target: TargetResolver.Resolve(input, groups, p, keptForTopRole))).ToList();
        var seats = new SeatAllocator(input.Organization);
        var shared = new SharedOutcomeParts();
        // Sized up front: grown by doubling, a million people's entries left as much again in discarded large arrays.
        var desired = new Dictionary<KnownPerson, (DesiredMembership? Membership, IReadOnlyList<OutcomeReason> Reasons)>(targets.Count, ReferenceEqualityComparer.Instance);
        void Decide(KnownPerson person, (DesiredMembership? Membership, IReadOnlyList<OutcomeReason> Reasons) decided) =>
            desired[person] = (shared.Membership(decided.Membership), shared.Reasons(decided.Reasons));

        // 1. Seats held and kept as they are.
        foreach (var (person, target) in targets)
        {
            var current = person.Membership;
            var keepsSeat = current?.HoldsSeat == true && target.Kind switch
            {
                TargetKind.KeepAsIs or TargetKind.LoginBlocked => true,
                TargetKind.Member => WantedTier(seats, target, current) == current.Tier,
                TargetKind.Suspended or TargetKind.Removed or TargetKind.NotMember => false,
            };
            if (keepsSeat)
            {
                seats.Keep(current!.Tier);
                var status = target.Kind == TargetKind.LoginBlocked ? MembershipStatus.LoginBlocked
                    : target.Kind == TargetKind.KeepAsIs ? current.Status : MembershipStatus.Active;
                List<OutcomeReason> reasons = [.. target.Reasons];
                if (target.Kind == TargetKind.Member && seats.HasTiers && target.MappedTier is null)
                {
                    reasons.Add(OutcomeReason.Of(ReasonCode.NoTierGroupKeepsSeat, current.Tier));
                }

                Decide(person, (new DesiredMembership(target.Role, current.Tier, status, target.Source), reasons));
            }
        }

        // 2. Seat holders moving to another tier, then 3. everyone waiting for a seat, first come first served.
        var waiting = targets
            .Where(t => t.Target.Kind == TargetKind.Member && !desired.ContainsKey(t.Person))
            .OrderBy(t => t.Person.Membership?.HoldsSeat == true ? 0 : t.Person.Membership?.Status == MembershipStatus.PendingSeat ? 1 : 2)
            .ThenBy(t => t.Person.Membership?.Status == MembershipStatus.PendingSeat ? t.Person.Membership.StatusChangedAt : t.Person.AssignedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(t => t.Person.Email, StringComparer.OrdinalIgnoreCase);
        foreach (var (person, target) in waiting)
        {
            Decide(person, AllocateSeat(seats, person, target));
        }

        // 4. Everyone else: no seat involved.
        foreach (var (person, target) in targets.Where(t => !desired.ContainsKey(t.Person)))
        {
            Decide(person, (WithoutSeat(person, target), target.Reasons));
        }

        var outcomes = targets.Select(t =>
        {
            var (membership, reasons) = desired[t.Person];
            var changes = shared.Changes(ChangeDetector.Detect(input.Organization.Product, t.Person.Membership, membership));
            return new PersonOutcome(t.Person, membership, changes, reasons, t.Target.AtNextSignIn && changes.Count > 0)
            {
                ClearsRoleOverride = t.Target.ClearsRoleOverride && membership is { Status: not MembershipStatus.Removed },
            };
        }).ToList();
        return new ProvisioningPlan(input.Organization, input.Settings, outcomes);
    }

    private static SeatTier? WantedTier(SeatAllocator seats, Target target, CurrentMembership? current) =>
        !seats.HasTiers ? null : target.MappedTier ?? current?.Tier;

    private static (DesiredMembership?, List<OutcomeReason>) AllocateSeat(SeatAllocator seats, KnownPerson person, Target target)
    {
        var reasons = target.Reasons.ToList();
        var current = person.Membership;
        if (current?.HoldsSeat == true)
        {
            // Moving tier: only into a free seat; otherwise the person keeps the seat they hold.
            var moveTo = WantedTier(seats, target, current);
            if (seats.TryTake(moveTo))
            {
                return (new DesiredMembership(target.Role, moveTo, MembershipStatus.Active, target.Source), reasons);
            }

            seats.Keep(current.Tier);
            reasons.Add(OutcomeReason.Of(ReasonCode.NoFreeTierKeepsSeat, moveTo, current.Tier));
            return (new DesiredMembership(target.Role, current.Tier, MembershipStatus.Active, target.Source), reasons);
        }

        // A tier group decides the tier; a returning person waits for the tier they had.
        var wanted = seats.HasTiers ? target.MappedTier : null;
        if (wanted is not null || !seats.HasTiers)
        {
            return seats.TryTake(wanted)
                ? (new DesiredMembership(target.Role, wanted, MembershipStatus.Active, target.Source), reasons)
                : (new DesiredMembership(target.Role, wanted, MembershipStatus.PendingSeat, target.Source),
                    [.. reasons, wanted is null ? OutcomeReason.Of(ReasonCode.NoFreeSeatPending) : OutcomeReason.Of(ReasonCode.NoFreeTierSeatPending, wanted)]);
        }

        if (seats.TryTakeHighestFree(out var tier))
        {
            reasons.Add(OutcomeReason.Of(ReasonCode.HighestFreeTier, tier));
            return (new DesiredMembership(target.Role, tier, MembershipStatus.Active, target.Source), reasons);
        }

        reasons.Add(OutcomeReason.Of(ReasonCode.NoFreeSeatInAnyTier));
        return (new DesiredMembership(target.Role, null, MembershipStatus.PendingSeat, target.Source), reasons);
    }

    private static DesiredMembership? WithoutSeat(KnownPerson person, Target target) => target.Kind switch
    {
        TargetKind.NotMember => person.Membership is { IsMember: false } removed
            ? new DesiredMembership(removed.Role, removed.Tier, MembershipStatus.Removed, removed.Source)
            : null,
        TargetKind.Removed => new DesiredMembership(target.Role, target.MappedTier, MembershipStatus.Removed, target.Source),
        TargetKind.Suspended => new DesiredMembership(target.Role, target.MappedTier, MembershipStatus.Suspended, target.Source),
        TargetKind.KeepAsIs or TargetKind.LoginBlocked => person.Membership is { } current
            ? new DesiredMembership(target.Role, current.Tier, target.Kind == TargetKind.LoginBlocked ? MembershipStatus.LoginBlocked : current.Status, target.Source)
            : null,
        TargetKind.Member => throw new InvalidOperationException("Members are placed by seat allocation."),
    };
}
