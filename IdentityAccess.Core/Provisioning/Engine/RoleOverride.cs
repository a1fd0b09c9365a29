using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// A role set by hand on a member whose role the IdP decides (a restored role, a kept held change, a hand edit): the
/// rules keep it whatever the groups say, and say who set it and when, until the IdP grants the same role or a top
/// role clears it.
/// </summary>
public sealed record RoleOverride(Role Role, string? SetBy, DateTimeOffset? SetAt);
