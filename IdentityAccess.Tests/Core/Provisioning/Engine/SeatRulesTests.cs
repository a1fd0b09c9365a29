using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>Seat tiers and the pending queue: defaults, exhaustion, order, and never evicting anyone.</summary>
public sealed class SeatRulesTests
{
    private static ProvisioningScenario Scim(int premium, int standard) =>
        ProvisioningScenario.Chat(premium, standard, ProvisioningMode.Scim).Mode(ProvisioningMode.Scim);

    [Fact]
    public void NoTierGroup_PremiumFull_GetsStandard()
    {
        var plan = Scim(premium: 1, standard: 5)
            .Member("holder@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active)
            .DirectoryUser("new@acme.test")
            .Evaluate();

        Assert.Equal(SeatTier.Standard, plan.Of("new@acme.test").Desired!.Tier);
        Assert.Contains(plan.Of("new@acme.test").Reasons, r => r.Text.Contains("highest tier with a free seat (Standard)", StringComparison.Ordinal));
    }

    [Fact]
    public void NoFreeSeat_NewcomerPending_HoldersKeepTheirSeatsEvenOverTheLimit()
    {
        var plan = Scim(premium: 1, standard: 0)
            .Member("a@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active)
            .Member("b@acme.test", Role.User, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active)
            .DirectoryUser("c@acme.test")
            .Evaluate();

        Assert.Empty(plan.Of("a@acme.test").Changes);
        Assert.Empty(plan.Of("b@acme.test").Changes); // two holders of one purchased seat: nobody is evicted
        Assert.Equal([ChangeKind.BecomePending], plan.Of("c@acme.test").Changes);
        Assert.Equal(MembershipStatus.PendingSeat, plan.Of("c@acme.test").Desired!.Status);
    }

    [Fact]
    public void SeatsBought_PendingAdmittedInTheOrderTheyStartedWaiting()
    {
        var plan = Scim(premium: 0, standard: 1)
            .Member("second@acme.test", Role.User, null, MembershipStatus.PendingSeat, MembershipSource.Scim, DirectoryPresence.Active)
            .Member("third@acme.test", Role.User, null, MembershipStatus.PendingSeat, MembershipSource.Scim, DirectoryPresence.Active)
            .Evaluate();

        Assert.Equal([ChangeKind.Admit], plan.Of("second@acme.test").Changes); // waiting since earlier
        Assert.Empty(plan.Of("third@acme.test").Changes);
    }

    [Fact]
    public void MappedTierFull_HolderKeepsCurrentTierWithReason()
    {
        var plan = ProvisioningScenario.Chat(premium: 0, standard: 5, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User).MapTier("premium", SeatTier.Premium)
            .Member("hopeful@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: ["staff", "premium"])
            .Evaluate();

        Assert.Empty(plan.Of("hopeful@acme.test").Changes);
        Assert.Contains(plan.Of("hopeful@acme.test").Reasons, r => r.Text.Contains("No free Premium seat: keeps their Standard seat", StringComparison.Ordinal));
    }

    [Fact]
    public void MappedTierFull_NewcomerPendingForThatTier()
    {
        var plan = ProvisioningScenario.Chat(premium: 0, standard: 5, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User).MapTier("premium", SeatTier.Premium)
            .DirectoryUser("new@acme.test", groups: ["staff", "premium"])
            .Evaluate();

        Assert.Equal(new DesiredMembership(Role.User, SeatTier.Premium, MembershipStatus.PendingSeat, MembershipSource.Scim), plan.Of("new@acme.test").Desired);
    }

    [Fact]
    public void RemovalFreesASeatForSomeoneWaitingInTheSameRun()
    {
        var plan = Scim(premium: 0, standard: 1)
            .Member("leaving@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim)
            .Member("waiting@acme.test", Role.User, null, MembershipStatus.PendingSeat, MembershipSource.Scim, DirectoryPresence.Active)
            .Evaluate();

        Assert.Equal([ChangeKind.Deprovision], plan.Of("leaving@acme.test").Changes);
        Assert.Equal([ChangeKind.Admit], plan.Of("waiting@acme.test").Changes);
    }

    [Fact]
    public void Console_SeatsHaveNoTier_TierMappingsIgnored()
    {
        var plan = ProvisioningScenario.Console(seats: 1, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("devs", Role.Developer).MapTier("devs", SeatTier.Premium)
            .DirectoryUser("dev@acme.test", groups: "devs")
            .DirectoryUser("late@acme.test", groups: "devs")
            .Evaluate();

        Assert.Equal(new DesiredMembership(Role.Developer, null, MembershipStatus.Active, MembershipSource.Scim), plan.Of("dev@acme.test").Desired);
        Assert.Equal(MembershipStatus.PendingSeat, plan.Of("late@acme.test").Desired!.Status);
    }

    [Fact]
    public void PersonInTwoOrganizationsOfOneParent_EachOrganizationAppliesItsOwnMappings()
    {
        static ProvisioningScenario Person(ProvisioningScenario org) =>
            org.DirectoryUser("both@acme.test", groups: ["eng", "billing"]);

        var chat = Person(ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("eng", Role.Admin)).Evaluate();
        var console = Person(ProvisioningScenario.Console(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("billing", Role.Billing).MapRole("eng", Role.ClaudeCodeUser)).Evaluate();

        Assert.Equal(Role.Admin, chat.Of("both@acme.test").Desired!.Role);
        Assert.Equal(Role.Billing, console.Of("both@acme.test").Desired!.Role);
    }
}
