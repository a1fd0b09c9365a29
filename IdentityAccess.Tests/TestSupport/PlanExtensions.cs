using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Tests.TestSupport;

public static class PlanExtensions
{
    public static PersonOutcome Of(this ProvisioningPlan plan, string email) => plan.Outcomes.Single(o => o.Person.Email == email);
}
