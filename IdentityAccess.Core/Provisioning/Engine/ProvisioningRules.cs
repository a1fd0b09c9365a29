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
        var shared = new SharedOutcomeParts();
        var groups = new GroupResolutions(input, shared);
        var plan = Evaluate(input, groups, shared, null);
        if (TopRoleKeeper.Choose(input, plan) is not { } keep)
        {
            return plan;
        }

        // Evaluated again with that person kept as they are, so the seat they keep is not handed to someone else.
        var asked = plan.Outcomes.First(o => ReferenceEquals(o.Person, keep));
        var kept = Evaluate(input, groups, shared, keep);
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

    private static ProvisioningPlan Evaluate(ProvisioningInput input, GroupResolutions groups, SharedOutcomeParts shared, KnownPerson? keptForTopRole)
    {
        var people = input.People;
        var targets = new Target[people.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = shared.Target(TargetResolver.Resolve(input, groups, shared, people[i], keptForTopRole));
        }

        var seats = new SeatAllocator(input.Organization);
        // Each person's decision by their place in the input (reasons null until decided): a million entries of a
        // dictionary by person were 36 MB and a hash each.
        var desired = new (DesiredMembership? Membership, IReadOnlyList<OutcomeReason>? Reasons)[targets.Length];
        // Every membership decided below is already the shared one (shared.Membership by its values).
        void Decide(int i, DesiredMembership? membership, IReadOnlyList<OutcomeReason> reasons) => desired[i] = (membership, shared.Reasons(reasons));

        // 1. Seats held and kept as they are.
        for (var i = 0; i < targets.Length; i++)
        {
            var (current, target) = (people[i].Membership, targets[i]);
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
                var reasons = target.Kind == TargetKind.Member && seats.HasTiers && target.MappedTier is null
                    ? shared.Append(target.Reasons, ReasonCode.NoTierGroupKeepsSeat, current.Tier)
                    : target.Reasons;
                Decide(i, shared.Membership(target.Role, current.Tier, status, target.Source), reasons);
            }
        }

        // 2. Seat holders moving to another tier, then 3. everyone waiting for a seat, first come first served.
        var waiting = Enumerable.Range(0, targets.Length)
            .Where(i => targets[i].Kind == TargetKind.Member && desired[i].Reasons is null)
            .OrderBy(i => people[i].Membership?.HoldsSeat == true ? 0 : people[i].Membership?.Status == MembershipStatus.PendingSeat ? 1 : 2)
            .ThenBy(i => people[i].Membership is { Status: MembershipStatus.PendingSeat } pending ? pending.StatusChangedAt : people[i].AssignedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(i => people[i].Email, StringComparer.OrdinalIgnoreCase);
        foreach (var i in waiting)
        {
            var (membership, reasons) = AllocateSeat(seats, shared, people[i], targets[i]);
            Decide(i, membership, reasons);
        }

        // 4. Everyone else: no seat involved.
        for (var i = 0; i < targets.Length; i++)
        {
            if (desired[i].Reasons is null)
            {
                Decide(i, WithoutSeat(shared, people[i], targets[i]), targets[i].Reasons);
            }
        }

        var product = input.Organization.Product;
        Span<ChangeKind> detected = stackalloc ChangeKind[ChangeDetector.MostChanges];
        var outcomes = new List<PersonOutcome>(targets.Length);
        for (var i = 0; i < targets.Length; i++)
        {
            var (person, target, (membership, reasons)) = (people[i], targets[i], desired[i]);
            var changes = shared.Changes(detected[..ChangeDetector.Detect(product, person.Membership, membership, detected)]);
            outcomes.Add(new PersonOutcome(person, membership, changes, reasons!, target.AtNextSignIn && changes.Count > 0)
            {
                ClearsRoleOverride = target.ClearsRoleOverride && membership is { Status: not MembershipStatus.Removed },
            });
        }

        return new ProvisioningPlan(input.Organization, input.Settings, outcomes);
    }

    private static SeatTier? WantedTier(SeatAllocator seats, Target target, CurrentMembership? current) =>
        !seats.HasTiers ? null : target.MappedTier ?? current?.Tier;

    private static (DesiredMembership Membership, IReadOnlyList<OutcomeReason> Reasons) AllocateSeat(SeatAllocator seats, SharedOutcomeParts shared, KnownPerson person, Target target)
    {
        var reasons = target.Reasons;
        var current = person.Membership;
        if (current?.HoldsSeat == true)
        {
            // Moving tier: only into a free seat; otherwise the person keeps the seat they hold.
            var moveTo = WantedTier(seats, target, current);
            if (seats.TryTake(moveTo))
            {
                return (shared.Membership(target.Role, moveTo, MembershipStatus.Active, target.Source), reasons);
            }

            seats.Keep(current.Tier);
            return (shared.Membership(target.Role, current.Tier, MembershipStatus.Active, target.Source),
                shared.Append(reasons, ReasonCode.NoFreeTierKeepsSeat, moveTo, current.Tier));
        }

        // A tier group decides the tier; a returning person waits for the tier they had.
        var wanted = seats.HasTiers ? target.MappedTier : null;
        if (wanted is not null || !seats.HasTiers)
        {
            return seats.TryTake(wanted)
                ? (shared.Membership(target.Role, wanted, MembershipStatus.Active, target.Source), reasons)
                : (shared.Membership(target.Role, wanted, MembershipStatus.PendingSeat, target.Source),
                    wanted is null ? shared.Append(reasons, ReasonCode.NoFreeSeatPending) : shared.Append(reasons, ReasonCode.NoFreeTierSeatPending, wanted));
        }

        return seats.TryTakeHighestFree(out var tier)
            ? (shared.Membership(target.Role, tier, MembershipStatus.Active, target.Source), shared.Append(reasons, ReasonCode.HighestFreeTier, tier))
            : (shared.Membership(target.Role, null, MembershipStatus.PendingSeat, target.Source), shared.Append(reasons, ReasonCode.NoFreeSeatInAnyTier));
    }

    private static DesiredMembership? WithoutSeat(SharedOutcomeParts shared, KnownPerson person, Target target) => target.Kind switch
    {
        TargetKind.NotMember => person.Membership is { IsMember: false } removed
            ? shared.Membership(removed.Role, removed.Tier, MembershipStatus.Removed, removed.Source)
            : null,
        TargetKind.Removed => shared.Membership(target.Role, target.MappedTier, MembershipStatus.Removed, target.Source),
        TargetKind.Suspended => shared.Membership(target.Role, target.MappedTier, MembershipStatus.Suspended, target.Source),
        TargetKind.KeepAsIs or TargetKind.LoginBlocked => person.Membership is { } current
            ? shared.Membership(target.Role, current.Tier, target.Kind == TargetKind.LoginBlocked ? MembershipStatus.LoginBlocked : current.Status, target.Source)
            : null,
        TargetKind.Member => throw new InvalidOperationException("Members are placed by seat allocation."),
    };
}
