using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Core.Provisioning.Engine;

/// <summary>
/// A reason is a code and its values; its English is built when someone reads it (the audit trail, the logs), and a
/// test sign-in's stored result keeps the code, so the page can say it again in the reader's language.
/// </summary>
public sealed class OutcomeReasonTests
{
    [Fact]
    public void Text_IsTheEnglishSentence_WithTheValuesFilledIn()
    {
        var asked = OutcomeReason.Of(ReasonCode.IdpAsked,
            (IReadOnlyList<OutcomeReason>)[OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User"), OutcomeReason.Of(ReasonCode.JitUpdatedAtNextSignIn)]);

        Assert.Equal("The IdP asked: Group 'staff' → User. JIT: role and tier are updated at their next sign-in.", asked.Text);
        Assert.Equal("No free Premium seat: keeps their Standard seat.", OutcomeReason.Of(ReasonCode.NoFreeTierKeepsSeat, SeatTier.Premium, SeatTier.Standard).ToString());
        Assert.Equal("Deactivated in the IdP on 2026-01-02 and not reactivated within the 30-day grace period: removed.",
            OutcomeReason.Of(ReasonCode.DeactivatedRemoved, 30, new DateOnly(2026, 1, 2)).Text);
    }

    [Fact]
    public void AReasonWithoutValues_IsOneSharedObject()
    {
        Assert.Same(OutcomeReason.Of(ReasonCode.ManualMember), OutcomeReason.Of(ReasonCode.ManualMember));
        Assert.Equal(OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User"), OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User"));
    }

    [Fact]
    public void PeopleInTheSameGroups_ShareOneListOfReasons()
    {
        var plan = ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true).MapRole("staff", Role.User).MapTier("staff", SeatTier.Standard)
            .DirectoryUser("a@acme.test", DirectoryPresence.Active, "staff").DirectoryUser("b@acme.test", DirectoryPresence.Active, "staff").Evaluate();

        Assert.Same(plan.Of("a@acme.test").Reasons[0], plan.Of("b@acme.test").Reasons[0]);
    }

    [Fact]
    public void AStoredTestResult_KeepsTheCodesAndValues()
    {
        var day = new DateOnly(2026, 1, 2);
        IReadOnlyList<OutcomeReason> reasons =
        [
            OutcomeReason.Of(ReasonCode.RoleKeptByHandSetByOn, "Admin", "Owner", "Bob Brown", day),
            OutcomeReason.Of(ReasonCode.DeactivatedRemoved, 30, day),
            OutcomeReason.Of(ReasonCode.IdpAsked, (IReadOnlyList<OutcomeReason>)[OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User")]),
            OutcomeReason.Of(ReasonCode.TestSignInExistingOnly, "Manual"),
        ];
        var result = Result(reasons);

        var read = SamlTestResult.FromJson(result.ToJson()).WouldDo!.Organizations[0].Reasons;

        Assert.Equal(reasons.Select(r => r.Code), read.Select(r => r.Code));
        Assert.Equal(reasons.Select(r => r.Text), read.Select(r => r.Text));
    }

    [Fact]
    public void AResultStoredBeforeReasonsHadCodes_ShowsItsEnglishAsItWas()
    {
        var json = Result([OutcomeReason.Of(ReasonCode.ManualMember)]).ToJson()
            .Replace("{\"Code\":\"ManualMember\",\"Arguments\":[]}", "\"Manual provisioning: role and tier are changed by hand.\"", StringComparison.Ordinal);

        var read = Assert.Single(SamlTestResult.FromJson(json).WouldDo!.Organizations[0].Reasons);

        Assert.Equal(ReasonCode.AsRecorded, read.Code);
        Assert.Equal("Manual provisioning: role and tier are changed by hand.", read.Text);
    }

    private static SamlTestResult Result(IReadOnlyList<OutcomeReason> reasons) =>
        new(false, "urn:idp", [], null, "carol", null, [], null, new SamlTestWouldDo("Carol", true, "Would sign in.",
            [new SamlTestOrganization("Acme", ProvisioningMode.Jit, true, Role.User, SeatTier.Premium, MembershipStatus.Active, reasons)]));
}
