using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>Starts from one valid draft and breaks one thing per test.</summary>
public sealed class ProvisioningChangeGuardTests
{
    private const string Owner = "owner@acme.test";

    // Valid: SCIM with mappings, the owner in the group mapped to Owner, a user in the group mapped to User.
    private static ProvisioningScenario Valid() =>
        ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "owners")
            .Member("user@acme.test", Role.User, SeatTier.Standard, directory: DirectoryPresence.Active, groups: "staff");

    [Fact]
    public void Check_ValidDraft_NoErrors() => Assert.Empty(Valid().Guard(Owner));

    [Fact]
    public void Check_OwnerNotInOwnerGroup_RefusesSelfLockoutWithTheFix()
    {
        var errors = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "staff")
            .Member("other-owner@acme.test", Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "owners")
            .Guard(Owner);

        var lockout = Assert.IsType<WouldLockOutActingPerson>(Assert.Single(errors));
        Assert.Contains("Add yourself to a group mapped to Owner first", lockout.Message);
    }

    [Fact]
    public void Check_NobodyInOwnerGroup_RefusesOrganizationWithoutOwner()
    {
        var errors = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "staff")
            .Guard(Owner);

        Assert.Contains(errors, e => e is WouldLeaveNoTopRole);
        Assert.Contains(errors, e => e is WouldLockOutActingPerson);
    }

    [Fact]
    public void Check_ScimBeforeAnyoneIsAssigned_Refused()
    {
        var errors = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner)
            .Member(Owner, Role.Owner, SeatTier.Premium)
            .Guard(Owner);

        Assert.Contains(errors, e => e is ScimWithNoAssignedPeople);
    }

    [Fact]
    public void Check_MappingsOnWithoutRoleMapping_Refused()
    {
        var errors = Valid().With(Valid().Draft with { RoleMappings = [] }).Guard(Owner);

        Assert.Contains(errors, e => e is MappingsWithoutRoleMapping);
    }

    [Fact]
    public void Check_ScimOnTeamPlan_RefusedWithPlanReason()
    {
        var errors = ProvisioningScenario.TeamChat().Mode(ProvisioningMode.Scim)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active)
            .Guard(Owner);

        Assert.Contains(errors, e => e is ModeNotAvailable m && m.Message.Contains("Enterprise plans only", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ConsoleRoleOnChatOrganization_Refused()
    {
        var errors = Valid().MapRole("devs", Role.Developer).Guard(Owner);

        Assert.Contains(errors, e => e is ValidationFailed v && v.Message.Contains("Developer is not a role of Chat", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TierMappingOnConsole_Refused()
    {
        var errors = ProvisioningScenario.Console().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("admins", Role.Admin).MapTier("premium", SeatTier.Premium)
            .Member(Owner, Role.Admin, null)
            .Guard(Owner);

        Assert.Contains(errors, e => e is ValidationFailed v && v.Message.Contains("no seat tiers", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ActingOwnerIsBreakGlass_MayLeaveTheOwnerGroup()
    {
        var errors = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active)
            .Member("user@acme.test", Role.User, SeatTier.Standard, directory: DirectoryPresence.Active, groups: "staff")
            .BreakGlass(Owner)
            .Guard(Owner);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_JitMappingsDropTheOwnersGroup_RefusesLockoutAtNextSignIn()
    {
        var errors = ProvisioningScenario.Chat().Mode(ProvisioningMode.Jit, mappings: true)
            .MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Jit, groupsFrom: GroupKnowledge.LastSignIn, groups: "staff")
            .Member("other@acme.test", Role.Owner, SeatTier.Premium)
            .Guard(Owner);

        Assert.True(Assert.IsType<WouldLockOutActingPerson>(Assert.Single(errors)).AtNextSignIn);
    }

    [Fact]
    public void AffectedOthers_CountsRemovalsAndDemotionsButNotTheActingPerson()
    {
        var scenario = ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Member("admin@acme.test", Role.Admin, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "staff")
            .Member("gone@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim)
            .DirectoryUser("new@acme.test", groups: "staff");

        var affected = ProvisioningChangeGuard.AffectedOthers(scenario.Evaluate(), ProvisioningScenario.IdOf(Owner));

        Assert.Equal(2, affected); // the demoted admin and the removed user; the newcomer is not harmed
    }
}
