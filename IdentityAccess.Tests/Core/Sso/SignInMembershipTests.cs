using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Jit;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>How a sign-in's provisioning-log row words a membership before and after JIT ran.</summary>
public sealed class SignInMembershipTests
{
    private static readonly Guid _acme = Guid.NewGuid();

    private static SignInMembership Acme(Role role, SeatTier? tier, MembershipStatus status = MembershipStatus.Active) => new(_acme, "Acme", role, tier, status);

    private static IEnumerable<string> Say(IEnumerable<LogPhrase> phrases) => phrases.Select(ProvisioningLogEnglish.Say);

    [Fact]
    public void Changes_NoneBefore_ProvisionedWithRoleAndTier() =>
        Assert.Equal(["provisioned in Acme as Admin, Premium seat"], Say(SignInMembership.Changes(null, Acme(Role.Admin, SeatTier.Premium))));

    [Fact]
    public void Changes_ProvisionedWaitingForASeat_Says_So() =>
        Assert.Equal(["provisioned in Acme as User, Standard seat, waiting for a seat"],
            Say(SignInMembership.Changes(null, Acme(Role.User, SeatTier.Standard, MembershipStatus.PendingSeat))));

    [Fact]
    public void Changes_RoleAndTier_EachFromTo() =>
        Assert.Equal(["role in Acme Admin → User", "seat tier in Acme Premium → Standard"],
            Say(SignInMembership.Changes(Acme(Role.Admin, SeatTier.Premium), Acme(Role.User, SeatTier.Standard))));

    [Fact]
    public void Changes_Status_FromTo() =>
        Assert.Equal(["status in Acme active → sign-in blocked"],
            Say(SignInMembership.Changes(Acme(Role.User, null), Acme(Role.User, null, MembershipStatus.LoginBlocked))));

    [Fact]
    public void Changes_RemovedThenBack_ProvisionedAgain() =>
        Assert.Equal(["provisioned in Acme as User"], Say(SignInMembership.Changes(Acme(Role.User, null, MembershipStatus.Removed), Acme(Role.User, null))));

    [Fact]
    public void Changes_Nothing_Empty() => Assert.Empty(Say(SignInMembership.Changes(Acme(Role.Owner, SeatTier.Premium), Acme(Role.Owner, SeatTier.Premium))));
}
