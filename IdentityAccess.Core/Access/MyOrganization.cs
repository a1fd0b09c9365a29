using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>An organization the signed-in person is an active member of, for the organization switcher.</summary>
public sealed record MyOrganization(OrganizationSummary Organization, Role Role, SeatTier? SeatTier);
