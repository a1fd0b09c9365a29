using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>How plans read on screen. Team, Enterprise and Console are product names, the same in every language.</summary>
public static class PlanLabels
{
    public static string Describe(IStringLocalizer localizer, OrganizationSummary organization) =>
        localizer["Shared.Plan.Describe", Plan(localizer, organization.Plan), organization.ParentName, Parent(localizer, organization.ParentPlan)];

    public static string Plan(IStringLocalizer localizer, OrganizationPlan plan) => plan switch
    {
        OrganizationPlan.Team => localizer["Shared.Plan.Team"],
        OrganizationPlan.Enterprise => localizer["Shared.Plan.Enterprise"],
        OrganizationPlan.Console => "Console",
    };

    public static string Parent(IStringLocalizer localizer, ParentPlan plan) => plan switch
    {
        ParentPlan.Enterprise => "Enterprise",
        ParentPlan.Team => "Team",
        ParentPlan.Console => localizer["Shared.Plan.ConsoleOwnParent"],
    };

}
