using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The key's parent as the parent page shows it: its name, plan, how many organizations, how far its setup has come.</summary>
internal sealed record ApiParent(Guid Id, string Name, string Plan, int OrganizationCount, ApiParentSetup Setup)
{
    public static ApiParent From(ParentSummary parent, int organizations, ParentSetupProgress setup) =>
        new(parent.Id, parent.Name, parent.Plan.ToString(), organizations, ApiParentSetup.From(setup));
}

/// <summary>The parent page's setup checklist: each step done or not, and whether every step a working setup needs is done.</summary>
internal sealed record ApiParentSetup(bool DomainVerified, bool SsoOn, bool ScimTokenActive, bool UsesDirectorySync, bool ModeChosen, bool GroupsMapped,
    bool Complete)
{
    public static ApiParentSetup From(ParentSetupProgress setup) =>
        new(setup.DomainVerified, setup.SsoOn, setup.ScimTokenActive, setup.UsesDirectorySync, setup.ModeChosen, setup.GroupsMapped, setup.IsComplete);
}

/// <summary>The plan to switch a chat parent to: <c>Enterprise</c> or <c>Team</c>.</summary>
internal sealed record ApiParentPlanRequest(string? Plan);

/// <summary>How many days a user the IdP deactivated keeps their memberships before they are removed (0: at once).</summary>
internal sealed record ApiRemovalGracePeriod(int Days);

/// <summary>The grace period to set, in days.</summary>
internal sealed record ApiRemovalGracePeriodRequest(int? Days);
