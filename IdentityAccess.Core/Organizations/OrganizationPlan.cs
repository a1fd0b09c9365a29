namespace IdentityAccess.Core.Organizations;

/// <summary>What an organization bought: the chat product on a Team or Enterprise plan, or the developer Console.</summary>
public enum OrganizationPlan
{
    Team,
    Enterprise,
    Console,
}
