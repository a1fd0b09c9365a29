using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.GroupMappings;

/// <summary>An IdP group (by its immutable id) that grants a role.</summary>
public sealed record RoleMapping(string GroupKey, Role Role);
