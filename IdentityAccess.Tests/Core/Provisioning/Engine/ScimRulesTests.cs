using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>The help article's SCIM and SCIM + advanced group mappings rows.</summary>
public sealed class ScimRulesTests
{
    [Fact]
    public void Scim_AssignedNonMember_ProvisionedAsUser()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .DirectoryUser("new@acme.test")
            .Evaluate();

        Assert.Equal(new DesiredMembership(Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim), plan.Of("new@acme.test").Desired);
    }

    [Fact]
    public void Scim_SwitchingFromManual_MemberNotAssignedInIdp_IsDeprovisioned()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim)
            .Member("assigned@acme.test", Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active)
            .Member("forgotten@acme.test", Role.User, SeatTier.Standard)
            .Evaluate();

        Assert.Equal([ChangeKind.Deprovision], plan.Of("forgotten@acme.test").Changes);
        Assert.Empty(plan.Of("assigned@acme.test").Changes);
        Assert.Equal(MembershipSource.Scim, plan.Of("assigned@acme.test").Desired!.Source); // adopted by sync
    }

    [Fact]
    public void Scim_AlreadyOn_MemberAddedByHand_IsNotRemovedBySync()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member("contractor@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Manual)
            .Evaluate();

        Assert.Empty(plan.Changed);
    }

    [Fact]
    public void Scim_SyncedMemberRemovedFromIdp_IsRemoved()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member("gone@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim)
            .Evaluate();

        Assert.Equal([ChangeKind.Deprovision], plan.Of("gone@acme.test").Changes);
        Assert.Equal(MembershipStatus.Removed, plan.Of("gone@acme.test").Desired!.Status);
    }

    [Fact]
    public void Scim_Deactivated_SuspendedAndSeatGoesToTheNextInQueue()
    {
        var plan = ProvisioningScenario.Chat(premium: 1, standard: 0, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member("paused@acme.test", Role.User, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Deactivated)
            .DirectoryUser("waiting@acme.test")
            .Evaluate();

        Assert.Equal([ChangeKind.Suspend], plan.Of("paused@acme.test").Changes);
        Assert.Equal([ChangeKind.Provision], plan.Of("waiting@acme.test").Changes);
    }

    [Fact]
    public void Scim_Reactivated_RestoredWithTheSameRole()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member("back@acme.test", Role.Admin, SeatTier.Premium, MembershipStatus.Suspended, MembershipSource.Scim, DirectoryPresence.Active)
            .Evaluate();

        var outcome = plan.Of("back@acme.test");
        Assert.Equal([ChangeKind.Restore], outcome.Changes);
        Assert.Equal(new DesiredMembership(Role.Admin, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim), outcome.Desired);
    }

    [Fact]
    public void Scim_WithoutMappings_GroupsDoNotChangeRoles()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .MapRole("owners", Role.Owner)
            .Member("user@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Evaluate();

        Assert.Empty(plan.Changed);
    }

    [Fact]
    public void ScimMappings_RoleAndTierPropagateFromGroups()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("admins", Role.Admin).MapRole("staff", Role.User).MapTier("premium", SeatTier.Premium)
            .Member("promoted@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: ["admins", "premium"])
            .Evaluate();

        Assert.Equal([ChangeKind.Promote, ChangeKind.TierChange], plan.Of("promoted@acme.test").Changes);
        Assert.Equal(SeatTier.Premium, plan.Of("promoted@acme.test").Desired!.Tier);
    }

    [Fact]
    public void ScimMappings_ManyPeople_EachResolvedByTheirOwnMappedGroups()
    {
        // Resolutions are shared between people in the same mapped groups: order and unmapped groups must not
        // matter, and a subset or another set must not borrow someone else's.
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("admins", Role.Admin).MapRole("staff", Role.User).MapTier("premium", SeatTier.Premium).MapTier("standard", SeatTier.Standard)
            .DirectoryUser("a@acme.test", groups: ["admins", "premium"])
            .DirectoryUser("b@acme.test", groups: ["other", "premium", "admins", "admins"])
            .DirectoryUser("c@acme.test", groups: ["admins", "standard"])
            .DirectoryUser("d@acme.test", groups: ["staff", "premium"])
            .DirectoryUser("e@acme.test", groups: ["other"])
            .Evaluate();

        Assert.Equal((Role.Admin, SeatTier.Premium), (plan.Of("a@acme.test").Desired!.Role, plan.Of("a@acme.test").Desired!.Tier));
        Assert.Equal(plan.Of("a@acme.test").Reasons, plan.Of("b@acme.test").Reasons);
        Assert.Equal(plan.Of("a@acme.test").Desired, plan.Of("b@acme.test").Desired);
        Assert.Equal((Role.Admin, SeatTier.Standard), (plan.Of("c@acme.test").Desired!.Role, plan.Of("c@acme.test").Desired!.Tier));
        Assert.Contains(plan.Of("c@acme.test").Reasons, r => r.Text.Contains("'standard' → Standard", StringComparison.Ordinal));
        Assert.Equal((Role.User, SeatTier.Premium), (plan.Of("d@acme.test").Desired!.Role, plan.Of("d@acme.test").Desired!.Tier));
        Assert.Null(plan.Of("e@acme.test").Desired);
    }

    [Fact]
    public void ScimMappings_GroupAccessRevoked_Removed()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User)
            .Member("moved@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "other")
            .DirectoryUser("unmapped@acme.test", groups: "other")
            .Evaluate();

        Assert.Equal([ChangeKind.Deprovision], plan.Of("moved@acme.test").Changes);
        Assert.Null(plan.Of("unmapped@acme.test").Desired);
    }

    [Fact]
    public void ScimMappings_OneGroupMappedToTwoRoles_MostPermissiveWins()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("leads", Role.User).MapRole("leads", Role.Admin)
            .DirectoryUser("lead@acme.test", groups: "leads")
            .Evaluate();

        Assert.Equal(Role.Admin, plan.Of("lead@acme.test").Desired!.Role);
    }

    [Fact]
    public void Scim_EmptyDirectory_EveryAdoptedMemberWouldBeDeprovisionedButTheLastOwnerIsHeld()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium)
            .Member("user@acme.test", Role.User, SeatTier.Standard)
            .Evaluate();

        // Since issue 16 the last Owner is never removed by the rules; the save guard refuses this draft anyway.
        Assert.Equal(1, plan.Count(ChangeKind.Deprovision));
        Assert.Equal([ChangeKind.Deprovision], plan.Of("owner@acme.test").HeldTopRole!.Changes);
    }

    [Fact]
    public void EmptyOrganization_EmptyDirectory_NoOutcomes()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true).MapRole("staff", Role.User).Evaluate();

        Assert.Empty(plan.Outcomes);
    }

    [Fact]
    public void BreakGlassOwner_NotInDirectory_IsExemptFromSync()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User)
            .Member("glass@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim)
            .BreakGlass("glass@acme.test")
            .Evaluate();

        Assert.Empty(plan.Of("glass@acme.test").Changes);
        Assert.Contains("Break-glass", plan.Of("glass@acme.test").Reasons[0].Text);
    }
}
