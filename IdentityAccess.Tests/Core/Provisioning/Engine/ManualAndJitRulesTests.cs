using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>The help article's Manual, JIT and JIT + advanced group mappings rows.</summary>
public sealed class ManualAndJitRulesTests
{
    [Fact]
    public void Manual_DirectoryUsersAndMembers_NothingChanges()
    {
        var plan = ProvisioningScenario.Chat()
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "owners")
            .DirectoryUser("new@acme.test", groups: "owners")
            .MapRole("owners", Role.Owner)
            .Evaluate();

        Assert.Empty(plan.Changed);
        Assert.Null(plan.Of("new@acme.test").Desired);
        Assert.Contains("added by hand", plan.Of("new@acme.test").Reasons[0].Text);
    }

    [Fact]
    public void Jit_NewPersonSigningIn_ProvisionedAsUserWithHighestFreeTier()
    {
        var plan = ProvisioningScenario.Chat(premium: 1).Mode(ProvisioningMode.Jit)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium)
            .SigningIn("new@acme.test", "anything")
            .Evaluate();

        var outcome = plan.Of("new@acme.test");
        Assert.Equal([ChangeKind.Provision], outcome.Changes);
        Assert.Equal(new DesiredMembership(Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Jit), outcome.Desired);
        Assert.False(outcome.AtNextSignIn);
    }

    [Fact]
    public void Jit_DirectoryUserNotSigningIn_NotProvisioned()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit).DirectoryUser("later@acme.test").Evaluate();

        Assert.Empty(plan.Changed);
    }

    [Fact]
    public void Jit_ExistingMemberSigningIn_RoleAndTierStayAsSetByHand()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit)
            .Member("admin@acme.test", Role.Admin, SeatTier.Standard)
            .MapRole("owners", Role.Owner)
            .SigningIn("admin@acme.test", "owners")
            .Evaluate();

        Assert.Empty(plan.Changed); // mappings are off: the group means nothing
    }

    [Fact]
    public void Jit_PersonWaitingForASeat_IsAdmittedWhenSigningInAgainAfterSeatsFreeUp()
    {
        var scenario = ProvisioningScenario.Chat(premium: 1, standard: 0).Mode(ProvisioningMode.Jit)
            .Member("waiting@acme.test", Role.User, null, MembershipStatus.PendingSeat, source: MembershipSource.Jit);

        var notSigningIn = scenario.Evaluate();
        var signingIn = scenario.SigningIn("waiting@acme.test").Evaluate();

        Assert.Empty(notSigningIn.Changed);
        Assert.Contains("next sign-in", notSigningIn.Of("waiting@acme.test").Reasons[0].Text);
        Assert.Equal([ChangeKind.Admit], signingIn.Of("waiting@acme.test").Changes);
        Assert.Equal(new DesiredMembership(Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Jit), signingIn.Of("waiting@acme.test").Desired);
    }

    [Fact]
    public void Jit_PersonWaitingForASeat_SigningInWhileSeatsAreStillTaken_KeepsWaiting()
    {
        var plan = ProvisioningScenario.Chat(premium: 1, standard: 0).Mode(ProvisioningMode.Jit)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium)
            .Member("waiting@acme.test", Role.User, null, MembershipStatus.PendingSeat, source: MembershipSource.Jit)
            .SigningIn("waiting@acme.test")
            .Evaluate();

        Assert.Empty(plan.Changed);
        Assert.Equal(MembershipStatus.PendingSeat, plan.Of("waiting@acme.test").Desired!.Status);
    }

    [Fact]
    public void JitMappings_GroupOverage_LowestRoleNeverOneFromAPartialList_AndSaysWhy()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("admins", Role.Admin)
            .Member("admin@acme.test", Role.Admin, SeatTier.Premium, source: MembershipSource.Jit)
            .SigningInWithGroupOverage("admin@acme.test")
            .SigningInWithGroupOverage("new@acme.test")
            .Evaluate();

        Assert.Equal(Role.User, plan.Of("admin@acme.test").Desired!.Role);
        Assert.Equal(new DesiredMembership(Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Jit), plan.Of("new@acme.test").Desired);
        Assert.Contains(plan.Of("new@acme.test").Reasons, r => r.Text.Contains("group overage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sales", "at their last sign-in: not provisioned")]
    [InlineData("admins", "provisioned at their next sign-in")]
    public void JitMappings_SomeoneWhoSignedInBeforeWithoutAccess_IsOnlyProvisionedWhenSigningInAgain(string group, string reason)
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("admins", Role.Admin)
            .SignedInBefore("denied@acme.test", group)
            .Evaluate();

        var outcome = plan.Of("denied@acme.test");
        Assert.Null(outcome.Desired);
        Assert.Contains(reason, outcome.Reasons.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void JitMappings_SigningInInTwoMappedGroups_ProvisionedWithMostPermissiveRoleAndMappedTier()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User).MapRole("admins", Role.Admin).MapTier("premium", SeatTier.Premium)
            .SigningIn("new@acme.test", "staff", "admins", "premium")
            .Evaluate();

        var outcome = plan.Of("new@acme.test");
        Assert.Equal(new DesiredMembership(Role.Admin, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Jit), outcome.Desired);
        Assert.Contains(outcome.Reasons, r => r.Text.Contains("most permissive wins: Admin", StringComparison.Ordinal));
        Assert.Contains(outcome.Reasons, r => r.Text.Contains("'premium' → Premium", StringComparison.Ordinal));
    }

    [Fact]
    public void JitMappings_SigningInInNoMappedGroup_NotProvisioned()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User)
            .SigningIn("outsider@acme.test", "marketing")
            .Evaluate();

        var outcome = plan.Of("outsider@acme.test");
        Assert.Null(outcome.Desired);
        Assert.Contains("no group mapped to a role of Acme", outcome.Reasons[0].Text);
    }

    [Fact]
    public void JitMappings_MemberNoLongerInMappedGroup_BlockedAtNextSignInButListedWithSeat()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User)
            .Member("leaver@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "alumni")
            .Evaluate();

        var outcome = plan.Of("leaver@acme.test");
        Assert.Equal([ChangeKind.BlockSignIn], outcome.Changes);
        Assert.Equal(MembershipStatus.LoginBlocked, outcome.Desired!.Status);
        Assert.True(outcome.AtNextSignIn);
        Assert.True(MembershipStatuses.HoldsSeat(outcome.Desired.Status));
    }

    [Fact]
    public void JitMappings_GroupsChangedAtSignIn_RoleRecomputedNow()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User).MapRole("admins", Role.Admin)
            .Member("rising@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "staff")
            .SigningIn("rising@acme.test", "admins")
            .Evaluate();

        var outcome = plan.Of("rising@acme.test");
        Assert.Equal([ChangeKind.Promote], outcome.Changes);
        Assert.False(outcome.AtNextSignIn);
    }

    [Fact]
    public void JitMappings_MemberWithUnknownGroups_Unchanged()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User)
            .Member("manual@acme.test", Role.Admin, SeatTier.Premium)
            .Evaluate();

        Assert.Empty(plan.Changed);
        Assert.Contains("unknown until they next sign in", plan.Of("manual@acme.test").Reasons[0].Text);
    }

    [Fact]
    public void JitWithoutMappings_PreviouslyBlockedMember_CanSignInAgain()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit)
            .Member("blocked@acme.test", Role.User, SeatTier.Standard, MembershipStatus.LoginBlocked, MembershipSource.Jit)
            .Evaluate();

        Assert.Equal([ChangeKind.Restore], plan.Of("blocked@acme.test").Changes);
    }
}
