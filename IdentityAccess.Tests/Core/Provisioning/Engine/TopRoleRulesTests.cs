using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>
/// Never zero top role (issue 16): every test starts from one valid directory-sync input where the IdP takes Owner from
/// owner@ while a second Owner stays, and changes one thing.
/// </summary>
public sealed class TopRoleRulesTests
{
    private const string Owner = "owner@acme.test";
    private const string Second = "second@acme.test";
    private const string HeldReason = "Last Owner of Acme: kept so Acme keeps an Owner; an Owner or a parent admin applies or keeps it on Identity and access.";

    // Valid: SCIM with mappings; the IdP moved owner@ to the users group; second@ is still in the owners group.
    private static ProvisioningScenario Valid(string secondOwnersGroup = "owners") =>
        ProvisioningScenario.Chat(premium: 2, standard: 2, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff")
            .Member(Second, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: secondOwnersGroup)
            .Member("user@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff");

    [Fact]
    public void Evaluate_AnotherOwnerStays_DemotionApplies()
    {
        var plan = Valid().Evaluate();

        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
        Assert.Empty(plan.HeldTopRole);
    }

    [Fact]
    public void Evaluate_LastOwnerLeavesTheOwnerGroup_KeptAsOwnerAndTheDemotionHeld()
    {
        var plan = Valid(secondOwnersGroup: "staff").Evaluate();

        var owner = plan.Of(Owner);
        Assert.Equal(new DesiredMembership(Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim), owner.Desired);
        Assert.Empty(owner.Changes);
        Assert.Equal([ChangeKind.Demote], owner.HeldTopRole!.Changes);
        Assert.Equal(Role.User, owner.HeldTopRole.Desired!.Role);
        Assert.Equal(HeldReason, owner.Reasons[0].Text);
        Assert.StartsWith("The IdP asked: Group 'staff' → User.", owner.Reasons[1].Text, StringComparison.Ordinal);
        // Only one is kept: the Owner in their status longest (added first); the other is demoted as asked.
        Assert.Equal([ChangeKind.Demote], plan.Of(Second).Changes);
        Assert.Single(plan.TopRoleHolders);
    }

    [Fact]
    public void Evaluate_LastOwnerDeactivated_SuspensionHeldAndEverythingElseApplied()
    {
        var plan = Valid(secondOwnersGroup: "staff").Member("leaver@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim,
            directory: DirectoryPresence.Deactivated, groups: "staff").Evaluate();
        var deactivated = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Deactivated, groups: "owners")
            .Evaluate();

        Assert.Equal([ChangeKind.Suspend], plan.Of("leaver@acme.test").Changes);
        Assert.Equal([ChangeKind.Suspend], deactivated.Of(Owner).HeldTopRole!.Changes);
        Assert.Equal(MembershipStatus.Active, deactivated.Of(Owner).Desired!.Status);
    }

    [Fact]
    public void Evaluate_LastOwnerDeletedFromTheDirectory_RemovalHeld()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Absent)
            .Evaluate();

        Assert.Equal([ChangeKind.Deprovision], plan.Of(Owner).HeldTopRole!.Changes);
        Assert.Equal(MembershipStatus.Active, plan.Of(Owner).Desired!.Status);
    }

    [Fact]
    public void Evaluate_AlreadyHeldPersonComesFirst_TheSamePersonStaysHeld()
    {
        var plan = Valid(secondOwnersGroup: "staff").AlreadyHeld(Second).Evaluate();

        Assert.NotNull(plan.Of(Second).HeldTopRole);
        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
    }

    [Fact]
    public void Evaluate_AlreadyHeldAndAnotherOwnerNowExists_TheHeldChangeApplies()
    {
        var plan = Valid().AlreadyHeld(Owner).Evaluate();

        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
        Assert.Null(plan.Of(Owner).HeldTopRole);
    }

    [Fact]
    public void Evaluate_KeptOwnersSeat_IsNotHandedToTheNextInLine()
    {
        // One Premium seat, held by the Owner the directory deletes; a newcomer in the premium group waits for it.
        var scenario = ProvisioningScenario.Chat(premium: 1, standard: 0, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User).MapTier("premium", SeatTier.Premium)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Absent)
            .DirectoryUser("new@acme.test", DirectoryPresence.Active, "staff", "premium");

        var plan = scenario.Evaluate();

        Assert.NotNull(plan.Of(Owner).HeldTopRole);
        Assert.Equal([ChangeKind.BecomePending], plan.Of("new@acme.test").Changes);
    }

    [Fact]
    public void Evaluate_ConsoleLastAdmin_KeptAsAdmin()
    {
        var plan = ProvisioningScenario.Console(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("devs", Role.Developer)
            .Member("admin@acme.test", Role.Admin, null, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "devs")
            .Evaluate();

        var admin = plan.Of("admin@acme.test");
        Assert.Equal(Role.Admin, admin.Desired!.Role);
        Assert.Equal("Last Admin of Acme Console: kept so Acme Console keeps an Admin; an Admin or a parent admin applies or keeps it on Identity and access.",
            admin.Reasons[0].Text);
    }

    [Fact]
    public void Evaluate_ScopedLoadWithAnOwnerOutsideIt_DemotionApplies()
    {
        var plan = Valid(secondOwnersGroup: "staff").TopRoleHeldElsewhere().Evaluate();

        Assert.Empty(plan.HeldTopRole);
        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
    }

    [Fact]
    public void Evaluate_OrganizationWithoutAnActiveOwnerNow_NothingToKeep()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, MembershipStatus.Suspended, MembershipSource.Scim, DirectoryPresence.Active, groups: "staff")
            .Evaluate();

        Assert.Empty(plan.HeldTopRole);
        Assert.Contains(ChangeKind.Demote, plan.Of(Owner).Changes);
    }

    [Fact]
    public void Evaluate_BreakGlassOwnerStays_NoHoldNeeded()
    {
        var plan = Valid(secondOwnersGroup: "staff").BreakGlass(Second).Evaluate();

        Assert.Empty(plan.HeldTopRole);
        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
    }

    [Fact]
    public void Evaluate_TheOtherOwnersRemovalIsStaged_StillCountsAsLeaving()
    {
        // The breaker keeps second@ (deleted from the directory) as they are until an owner approves; approving must not
        // be what empties the top role, so owner@ stays held rather than demoted behind the breaker's back.
        var staged = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff")
            .Member(Second, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Absent)
            .StagedForRemoval(Second).Evaluate();

        Assert.NotNull(staged.Of(Owner).HeldTopRole);
        Assert.Empty(staged.Of(Second).Changes);
    }

    [Fact]
    public void Evaluate_JitSignInWithoutTheOwnerGroup_DemotionHeldAtThisSignIn()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "owners")
            .SigningIn(Owner, "staff").Evaluate();

        var owner = plan.Of(Owner);
        Assert.Equal(Role.Owner, owner.Desired!.Role);
        Assert.False(owner.HeldTopRole!.AtNextSignIn);
        Assert.Equal([ChangeKind.Demote], owner.HeldTopRole.Changes);
    }

    [Fact]
    public void Evaluate_JitSignInInNoMappedGroup_BlockedSignInHeld()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "owners")
            .SigningIn(Owner, "alumni").Evaluate();

        Assert.Equal(MembershipStatus.Active, plan.Of(Owner).Desired!.Status);
        Assert.Equal([ChangeKind.BlockSignIn], plan.Of(Owner).HeldTopRole!.Changes);
    }

    [Fact]
    public void AsAsked_TheHeldChangeShownAsTheDraftAsksIt()
    {
        var plan = Valid(secondOwnersGroup: "staff").Evaluate().AsAsked();

        Assert.Equal([ChangeKind.Demote], plan.Of(Owner).Changes);
        Assert.Empty(plan.HeldTopRole);
        Assert.Empty(plan.TopRoleHolders);
    }

    [Fact]
    public void Check_SaveThatTheEngineHolds_StillRefusedAsNoOwnerLeft()
    {
        var errors = Valid(secondOwnersGroup: "staff").Guard("user@acme.test");

        Assert.Contains(errors, e => e is WouldLeaveNoTopRole);
    }
}
