namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// An organization to create under the key's parent, as the parent page's New organization dialog asks for it: a name,
/// a plan by its name (<c>Team</c>, <c>Enterprise</c>, <c>Console</c>) and the seats bought, Premium and Standard for a
/// chat plan (at least one Premium seat: its creator's), untiered for Console (at least one).
/// </summary>
internal sealed record ApiNewOrganizationRequest(string? Name, string? Plan, int? PremiumSeats = null, int? StandardSeats = null, int? ConsoleSeats = null);
