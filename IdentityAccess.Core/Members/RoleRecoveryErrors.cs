using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Members;

// One record per reason an override, a restored role or the break-glass owner's protection refuses a change by hand.

public sealed record NoRoleOverride(string Email)
    : ConflictError($"{Email} has no role kept by hand any more: the IdP decides their role. Reload the page.");

public sealed record NothingToRestore(string Email)
    : ConflictError($"There is no previous role to restore for {Email}: it was restored already, or the IdP granted it again. Change the role instead.");

public sealed record CannotRestoreOwnRole()
    : NotAllowedError("Another Admin or Owner must restore your previous role; you cannot restore your own.");

public sealed record BreakGlassOwnerProtected(string Who)
    : NotAllowedError($"The break-glass owner is how this organization gets back in when its IdP goes wrong: removing or demoting them is for {Who}.");
