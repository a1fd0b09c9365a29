namespace IdentityAccess.Core.Organizations;

/// <summary>
/// An organization to create, with the seats bought through the billing stand-in: Premium and Standard for a chat
/// organization (Team or Enterprise), an untiered count for a Console organization.
/// </summary>
public sealed record NewOrganization(string Name, OrganizationPlan Plan, int PremiumSeats = 0, int StandardSeats = 0, int ConsoleSeats = 0);
