using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning.Safety;

// One record per reason a decision on a held top-role change can be refused; each message says what to do instead.

public sealed record HeldChangeNotFound()
    : NotFoundError("This held change was already resolved (applied, kept, or withdrawn by the IdP). Reload the page.");

public sealed record HeldChangeConfirmationRequired(string Email)
    : InvalidInputError("confirmation", $"Type {Email} to confirm.");

public sealed record HeldChangeLeavesNoTopRole(string RoleName, string OrganizationName)
    : ConflictError($"Applying this would leave {OrganizationName} with no active {RoleName}. Make someone else {RoleName} first.");

// ...and of a decision on the changes the mass-change breaker held, taken as a whole.

public sealed record HeldChangesNotFound()
    : NotFoundError("No changes are held any more (applied, discarded, or withdrawn by the IdP). Reload the page.");

public sealed record HeldChangesConfirmationRequired(int Count, string OrganizationName)
    : InvalidInputError("confirmation", $"Type {Count} (the number of people) or {OrganizationName} to confirm.");
