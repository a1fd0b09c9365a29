using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>
/// Roles kept by hand (issue 16): every test starts from one valid input where the IdP's groups make admin@ a User
/// while a hand edit kept them Admin, and changes one thing.
/// </summary>
public sealed class RoleOverrideRulesTests
{
    private const string Member = "admin@acme.test";
    private const string KeptReason = "Role kept by hand: Admin, set by Bob Brown on 2026-01-02; kept until the IdP grants the same role or an Owner clears it.";

    private static ProvisioningScenario Valid(string group = "staff") =>
        ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("admins", Role.Admin).MapRole("staff", Role.User)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Member(Member, Role.Admin, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: group)
            .Override(Member, Role.Admin);

    [Fact]
    public void Evaluate_OverrideAgainstTheGroups_RoleKeptAndSaysWhoSetIt()
    {
        var outcome = Valid().Evaluate().Of(Member);

        Assert.Empty(outcome.Changes);
        Assert.Equal(Role.Admin, outcome.Desired!.Role);
        Assert.Equal(KeptReason, outcome.Reasons[0].Text);
        Assert.Contains("Group 'staff' → User.", outcome.Reasons.Select(r => r.Text));
        Assert.False(outcome.ClearsRoleOverride);
    }

    [Fact]
    public void Evaluate_NoOverride_TheGroupsDecide()
    {
        var plan = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Member(Member, Role.Admin, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff")
            .Evaluate();

        Assert.Equal([ChangeKind.Demote], plan.Of(Member).Changes);
    }

    [Fact]
    public void Evaluate_IdpGrantsTheSameRole_OverrideCleared()
    {
        var outcome = Valid(group: "admins").Evaluate().Of(Member);

        Assert.Empty(outcome.Changes);
        Assert.True(outcome.ClearsRoleOverride);
        Assert.Contains("The IdP now grants Admin, the role kept by hand: the override is cleared.", outcome.Reasons.Select(r => r.Text));
    }

    [Fact]
    public void Evaluate_InNoMappedGroup_KeptAsAMemberWithTheOverride()
    {
        var outcome = Valid(group: "alumni").Evaluate().Of(Member);

        Assert.Empty(outcome.Changes);
        Assert.Equal(MembershipStatus.Active, outcome.Desired!.Status);
    }

    [Fact]
    public void Evaluate_DeactivatedInTheIdp_SuspendedWhateverTheOverride()
    {
        var outcome = Valid().Member("x@acme.test", Role.User, SeatTier.Standard).Evaluate().Of(Member);
        var deactivated = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Member(Member, Role.Admin, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Deactivated, groups: "staff")
            .Override(Member, Role.Admin).Evaluate();

        Assert.Empty(outcome.Changes);
        Assert.Equal([ChangeKind.Suspend], deactivated.Of(Member).Changes);
    }

    [Fact]
    public void Evaluate_JitSignIn_OverrideKeptAtThisSignIn()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "owners")
            .Member(Member, Role.Admin, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "staff")
            .Override(Member, Role.Admin).SigningIn(Member, "staff").Evaluate();

        Assert.Empty(plan.Of(Member).Changes);
        Assert.Equal(KeptReason, plan.Of(Member).Reasons[0].Text);
    }

    [Fact]
    public void Evaluate_JitSignInInNoMappedGroup_OverrideLetsThemIn()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member("owner@acme.test", Role.Owner, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "owners")
            .Member(Member, Role.Admin, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "staff")
            .Override(Member, Role.Admin).SigningIn(Member, "alumni").Evaluate();

        Assert.Equal(new DesiredMembership(Role.Admin, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Jit), plan.Of(Member).Desired);
    }

    [Fact]
    public void Evaluate_OverrideWithARoleTheProductLacks_Ignored()
    {
        var outcome = Valid().Override(Member, Role.Developer).Evaluate().Of(Member);

        Assert.Equal([ChangeKind.Demote], outcome.Changes);
    }

    [Theory]
    [InlineData(ProvisioningMode.Jit, true, MembershipSource.Manual, true)]
    [InlineData(ProvisioningMode.Jit, true, MembershipSource.Jit, true)]
    [InlineData(ProvisioningMode.Jit, false, MembershipSource.Jit, false)]
    [InlineData(ProvisioningMode.Scim, true, MembershipSource.Scim, true)]
    [InlineData(ProvisioningMode.Scim, true, MembershipSource.Manual, false)]
    [InlineData(ProvisioningMode.Scim, false, MembershipSource.Scim, false)]
    [InlineData(ProvisioningMode.Manual, true, MembershipSource.Scim, false)]
    public void RoleFollowsIdp_AsTheRulesDecideRoles(ProvisioningMode mode, bool mappings, MembershipSource source, bool follows) =>
        Assert.Equal(follows, ProvisioningRules.RoleFollowsIdp(mode, mappings, source));
}
