using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>
/// The shared parts are handed out where the rules decide them (a reactivation of a million allocated ~440 bytes a
/// person building lists that were then dropped for an equal one): people in the same situation get one reason list,
/// one target and one desired membership, built once, and read exactly as the rules wrote them.
/// </summary>
public sealed class SharedOutcomePartsBuildingTests
{
    private static readonly DateTimeOffset _start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryoneReactivated_HalfGetTheirSeatBack_HalfWaitInOrder_SharingOneListOfReasonsEach()
    {
        var plan = ProvisioningRules.Evaluate(Reactivation(people: 1_000, standardSeats: 500));

        var restored = plan.Outcomes.Take(500).ToList();
        var waiting = plan.Outcomes.Skip(500).ToList();
        Assert.All(restored, o => Assert.Equal((MembershipStatus.Active, SeatTier.Standard), (o.Desired!.Status, o.Desired.Tier)));
        Assert.All(waiting, o => Assert.Equal(MembershipStatus.PendingSeat, o.Desired!.Status));
        Assert.Equal(["Directory sync (SCIM): role and tier are changed by hand."], restored[0].Reasons.Select(r => r.Text));
        Assert.Equal(["Directory sync (SCIM): role and tier are changed by hand.", "No free Standard seat: pending until seats are bought, then admitted in order."],
            waiting[0].Reasons.Select(r => r.Text));
        Assert.All(restored, o => Assert.Same(restored[0].Reasons, o.Reasons));
        Assert.All(waiting, o => Assert.Same(waiting[0].Reasons, o.Reasons));
        Assert.All(waiting, o => Assert.Same(waiting[0].Desired, o.Desired));
    }

    [Fact]
    public void EveryoneReactivated_AllocatesLittleAPerson()
    {
        var input = Reactivation(people: 20_000, standardSeats: 10_000);
        ProvisioningRules.Evaluate(input); // first call: the code's own first-time costs

        var before = GC.GetAllocatedBytesForCurrentThread();
        ProvisioningRules.Evaluate(input);
        var perPerson = (GC.GetAllocatedBytesForCurrentThread() - before) / 20_000;

        // Left a person: their outcome, target, place in the outcome list and the seat queue's sort keys. Building a
        // list of reasons, a reason and a membership each took it past 400.
        Assert.InRange(perPerson, 0, 260);
    }

    [Fact]
    public void Append_ToASharedList_IsOneListPerReason_ToAPersonsOwnList_ANewListEachTime()
    {
        var parts = new SharedOutcomeParts();
        var shared = SharedOutcomeParts.Alone(OutcomeReason.Of(ReasonCode.ScimByHand));
        IReadOnlyList<OutcomeReason> own = new List<OutcomeReason> { OutcomeReason.Of(ReasonCode.ScimByHand) };

        var first = parts.Append(shared, ReasonCode.HighestFreeTier, SeatTier.Premium);

        Assert.Same(first, parts.Append(shared, ReasonCode.HighestFreeTier, SeatTier.Premium));
        Assert.NotSame(first, parts.Append(shared, ReasonCode.HighestFreeTier, SeatTier.Standard));
        Assert.Equal([OutcomeReason.Of(ReasonCode.ScimByHand), OutcomeReason.Of(ReasonCode.HighestFreeTier, SeatTier.Premium)], first);
        Assert.NotSame(parts.Append(own, ReasonCode.NoFreeSeatPending), parts.Append(own, ReasonCode.NoFreeSeatPending));
        Assert.Equal(parts.Append(own, ReasonCode.NoFreeSeatPending), parts.Append(shared, ReasonCode.NoFreeSeatPending));
        Assert.Same(first, parts.Reasons(first)); // already shared: returned as it is
    }

    [Fact]
    public void AReasonNamingAValue_IsOneListPerValue_AndANullTierIsStillAValue()
    {
        var parts = new SharedOutcomeParts();
        var on = new DateOnly(2026, 3, 1);

        var list = parts.Alone(ReasonCode.DeactivatedRemovedOn, on);

        Assert.Same(list, parts.Alone(ReasonCode.DeactivatedRemovedOn, new DateOnly(2026, 3, 1)));
        Assert.NotSame(list, parts.Alone(ReasonCode.DeactivatedRemovedOn, on.AddDays(1)));
        Assert.Equal("Deactivated in the IdP: suspended, seat freed, role and tier kept; removed on 2026-03-01 unless reactivated.", Assert.Single(list).Text);
        var noTier = Assert.Single(parts.Append([], ReasonCode.NoTierGroupKeepsSeat, null));
        Assert.Equal(OutcomeReason.Of(ReasonCode.NoTierGroupKeepsSeat, (SeatTier?)null), noTier);
        Assert.Single(noTier.Arguments);
    }

    [Fact]
    public void EqualTargets_AreOneObject_MembershipsByTheirValues()
    {
        var parts = new SharedOutcomeParts();
        var reasons = SharedOutcomeParts.Alone(OutcomeReason.Of(ReasonCode.ScimAddedByHand));

        var target = parts.Target(new Target(TargetKind.KeepAsIs, Role.User, SeatTier.Standard, MembershipSource.Manual, reasons, false));

        Assert.Same(target, parts.Target(new Target(TargetKind.KeepAsIs, Role.User, SeatTier.Standard, MembershipSource.Manual, reasons, false)));
        Assert.NotSame(target, parts.Target(new Target(TargetKind.KeepAsIs, Role.Admin, SeatTier.Standard, MembershipSource.Manual, reasons, false)));
        var membership = parts.Membership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim);
        Assert.Same(membership, parts.Membership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim));
        Assert.NotSame(membership, parts.Membership(Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim));
    }

    /// <summary>Everyone a suspended SCIM member active in the directory again, without mappings; the Standard seats as given.</summary>
    private static ProvisioningInput Reactivation(int people, int standardSeats)
    {
        var org = new OrganizationFacts(Guid.NewGuid(), "Acme", OrganizationPlan.Enterprise, ParentPlan.Enterprise, ProvisioningMode.Scim,
            [new SeatPoolFacts(SeatTier.Premium, 0), new SeatPoolFacts(SeatTier.Standard, standardSeats)]);
        var known = new List<KnownPerson>(people);
        for (var i = 0; i < people; i++)
        {
            var suspended = new CurrentMembership(Role.User, SeatTier.Standard, MembershipStatus.Suspended, MembershipSource.Scim, _start.AddSeconds(i));
            known.Add(new KnownPerson(Guid.NewGuid(), Guid.NewGuid(), $"p{i:D6}@acme.test", $"Person {i}", DirectoryPresence.Active,
                GroupKnowledge.Directory, [], _start.AddSeconds(i), suspended));
        }

        return new ProvisioningInput(org, new ProvisioningDraft(ProvisioningMode.Scim, false, [], [], null, 1), known, new Dictionary<string, string>());
    }
}
