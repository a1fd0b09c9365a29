using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Components.Members;

/// <summary>A role and seat tier chosen in a dialog; the tier is null for Console organizations.</summary>
public sealed record RoleChange(Role Role, SeatTier? Tier);
