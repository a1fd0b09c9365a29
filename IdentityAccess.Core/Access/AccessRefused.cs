using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Access;

/// <summary>The acting person's roles do not hold the permission: says who does, and what the person is here.</summary>
public sealed record AccessRefused(Permission Permission, string Reason) : NotAllowedError(Reason);
