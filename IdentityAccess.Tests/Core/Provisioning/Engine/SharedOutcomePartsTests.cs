using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>
/// People with the same outcome share one list of changes, one list of reasons and one desired membership (a
/// million suspended people held a million of each); people whose outcomes differ keep their own, and what each
/// reads is what the rules decided for them.
/// </summary>
public sealed class SharedOutcomePartsTests
{
    [Fact]
    public void PeopleWithTheSameOutcome_ShareItsParts()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member("a@acme.test", Role.User, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Deactivated)
            .Member("b@acme.test", Role.User, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Deactivated)
            .Evaluate();
        var (a, b) = (plan.Of("a@acme.test"), plan.Of("b@acme.test"));

        Assert.Equal([ChangeKind.Suspend], a.Changes);
        Assert.Equal(MembershipStatus.Suspended, a.Desired!.Status);
        Assert.Same(a.Changes, b.Changes);
        Assert.Same(a.Reasons, b.Reasons);
        Assert.Same(a.Desired, b.Desired);
    }

    [Fact]
    public void PeopleWithDifferentOutcomes_KeepTheirOwn()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("admins", Role.Admin).MapRole("staff", Role.User)
            .DirectoryUser("a@acme.test", DirectoryPresence.Active, "admins").DirectoryUser("b@acme.test", DirectoryPresence.Active, "staff")
            .Evaluate();
        var (a, b) = (plan.Of("a@acme.test"), plan.Of("b@acme.test"));

        Assert.Equal(Role.Admin, a.Desired!.Role);
        Assert.Equal(Role.User, b.Desired!.Role);
        Assert.NotEqual(a.Reasons.Select(r => r.Text), b.Reasons.Select(r => r.Text));
        Assert.Same(a.Changes, b.Changes); // both provisioned: the same list
    }

    [Fact]
    public void EqualReasons_HashAlike_AnAskedChangesReasonsItemByItem()
    {
        OutcomeReason Asked(string group) =>
            OutcomeReason.Of(ReasonCode.IdpAsked, (IReadOnlyList<OutcomeReason>)[OutcomeReason.Of(ReasonCode.GroupRole, group)]);

        Assert.Equal(Asked("'staff' → User"), Asked("'staff' → User"));
        Assert.Equal(Asked("'staff' → User").GetHashCode(), Asked("'staff' → User").GetHashCode());
        Assert.NotEqual(Asked("'staff' → User"), Asked("'admins' → Admin"));
    }

    [Fact]
    public void PastTheBound_EachListIsStillItsOwnContent_AndNothingMoreIsKept()
    {
        var parts = new SharedOutcomeParts();
        IReadOnlyList<OutcomeReason> Named(int i) => [OutcomeReason.Of(ReasonCode.RoleKeptByHandSetBy, "Admin", "Owner", $"Person {i}")];

        var first = Enumerable.Range(0, 10_050).Select(i => parts.Reasons(Named(i))).ToList();

        Assert.All(first.Select((reasons, i) => (reasons, i)), r => Assert.Equal(Named(r.i), r.reasons));
        Assert.Same(first[9_999], parts.Reasons(Named(9_999))); // kept: within the bound
        Assert.NotSame(first[10_040], parts.Reasons(Named(10_040))); // past it: a copy each time, never kept
        Assert.Equal(Named(10_040), parts.Reasons(Named(10_040)));
    }

    [Fact]
    public void ChangeLists_AreSharedByTheirKindsInOrder()
    {
        var parts = new SharedOutcomeParts();

        var promoteAndTier = parts.Changes([ChangeKind.Promote, ChangeKind.TierChange]);

        Assert.Same(promoteAndTier, parts.Changes(new List<ChangeKind> { ChangeKind.Promote, ChangeKind.TierChange }));
        Assert.Equal([ChangeKind.TierChange, ChangeKind.Promote], parts.Changes([ChangeKind.TierChange, ChangeKind.Promote]));
        Assert.Equal([ChangeKind.Promote], parts.Changes([ChangeKind.Promote]));
        Assert.Empty(parts.Changes([]));
    }
}
