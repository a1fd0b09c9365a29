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

    /// <summary>The name of a new organization, or of its new parent organization (<paramref name="parent"/>).</summary>
    public static Error? CheckName(string? name, string field, bool parent) =>
        string.IsNullOrWhiteSpace(name)
            ? new ValidationFailed(field, parent ? ValidationRule.ParentNameRequired : ValidationRule.OrganizationNameRequired)
        : name.Trim().Length > MaxNameLength
            ? new ValidationFailed(field, parent ? ValidationRule.ParentNameTooLong : ValidationRule.OrganizationNameTooLong, MaxNameLength)
        : null;

    public static Error? Check(NewOrganization organization)
    {
        if (CheckName(organization.Name, "organizationName", parent: false) is { } name)
        {
            return name;
        }

        if (!Enum.IsDefined(organization.Plan))
        {
            return new ValidationFailed("plan", ValidationRule.PlanRequired);
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
        organization.ConsoleSeats != 0 ? new ValidationFailed("consoleSeats", ValidationRule.ChatSeatsOnly)
        : OutOfRange(organization.PremiumSeats, "premiumSeats") ?? OutOfRange(organization.StandardSeats, "standardSeats")
        ?? (organization.PremiumSeats < 1 ? new ValidationFailed("premiumSeats", ValidationRule.PremiumSeatRequired) : null);

    private static Error? CheckConsoleSeats(NewOrganization organization) =>
        organization.PremiumSeats != 0 || organization.StandardSeats != 0 ? new ValidationFailed("premiumSeats", ValidationRule.NoSeatTiers)
        : OutOfRange(organization.ConsoleSeats, "consoleSeats")
        ?? (organization.ConsoleSeats < 1 ? new ValidationFailed("consoleSeats", ValidationRule.ConsoleSeatRequired) : null);

    private static ValidationFailed? OutOfRange(int seats, string field) =>
        seats is < 0 or > SeatPurchase.MaxSeats ? new ValidationFailed(field, ValidationRule.SeatsOutOfRange, SeatPurchase.MaxSeats) : null;
}
