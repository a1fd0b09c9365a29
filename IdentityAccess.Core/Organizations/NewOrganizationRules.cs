using IdentityAccess.Core.Common;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// What a new organization must look like: a name, a plan, and seats from the billing stand-in including one for its
/// creator, who takes the top role (a chat Owner holds a Premium seat, a Console Admin an untiered one).
/// </summary>
public static class NewOrganizationRules
{
    public const int MaxNameLength = 200;

    public static Error? CheckName(string? name, string field, string what) =>
        string.IsNullOrWhiteSpace(name) ? new ValidationFailed(field, $"Enter the {what}'s name.")
        : name.Trim().Length > MaxNameLength ? new ValidationFailed(field, $"The {what}'s name can be at most {MaxNameLength} characters.")
        : null;

    public static Error? Check(NewOrganization organization)
    {
        if (CheckName(organization.Name, "organizationName", "organization") is { } name)
        {
            return name;
        }

        if (!Enum.IsDefined(organization.Plan))
        {
            return new ValidationFailed("plan", "Choose Claude Team, Claude Enterprise or Console.");
        }

        return organization.Plan == OrganizationPlan.Console
            ? CheckConsoleSeats(organization)
            : CheckChatSeats(organization);
    }

    /// <summary>The parent plan an organization's own parent gets: the organization's plan.</summary>
    public static ParentPlan ParentPlanFor(OrganizationPlan plan) => plan switch
    {
        OrganizationPlan.Team => ParentPlan.Team,
        OrganizationPlan.Enterprise => ParentPlan.Enterprise,
        OrganizationPlan.Console => ParentPlan.Console,
    };

    private static Error? CheckChatSeats(NewOrganization organization) =>
        organization.ConsoleSeats != 0 ? new ValidationFailed("consoleSeats", "Chat organizations buy Premium and Standard seats.")
        : OutOfRange(organization.PremiumSeats, "premiumSeats") ?? OutOfRange(organization.StandardSeats, "standardSeats")
        ?? (organization.PremiumSeats < 1 ? new ValidationFailed("premiumSeats", "Buy at least 1 Premium seat: you take one as the Owner.") : null);

    private static Error? CheckConsoleSeats(NewOrganization organization) =>
        organization.PremiumSeats != 0 || organization.StandardSeats != 0 ? new ValidationFailed("premiumSeats", "Console organizations have no seat tiers.")
        : OutOfRange(organization.ConsoleSeats, "consoleSeats")
        ?? (organization.ConsoleSeats < 1 ? new ValidationFailed("consoleSeats", "Buy at least 1 seat: you take one as the Admin.") : null);

    private static ValidationFailed? OutOfRange(int seats, string field) =>
        seats is < 0 or > SeatPurchase.MaxSeats ? new ValidationFailed(field, $"Enter a number of seats from 0 to {SeatPurchase.MaxSeats:N0}.") : null;
}
