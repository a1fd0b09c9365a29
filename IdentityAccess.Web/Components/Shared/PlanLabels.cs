using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>How plans read on screen.</summary>
public static class PlanLabels
{
    public static string Describe(OrganizationSummary organization) =>
        $"{Plan(organization.Plan)} · parent: {organization.ParentName} ({Parent(organization.ParentPlan)})";

    public static string Plan(OrganizationPlan plan) => plan switch
    {
        OrganizationPlan.Team => "Team plan",
        OrganizationPlan.Enterprise => "Enterprise plan",
        OrganizationPlan.Console => "Console",
    };

    public static string Parent(ParentPlan plan) => plan switch
    {
        ParentPlan.Enterprise => "Enterprise",
        ParentPlan.Team => "Team",
        ParentPlan.Console => "Console's own parent",
    };
}
