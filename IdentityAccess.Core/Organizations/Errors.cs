using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Organizations;

public sealed record NotAMemberUnderParent(string Email, string ParentName)
    : InvalidInputError("email", $"{Email} is not an active member of an organization of {ParentName}. Parent admins are chosen among the members of its organizations.");

public sealed record AlreadyParentAdmin(string Email, string ParentName) : ConflictError($"{Email} is already an admin of {ParentName}.");

public sealed record LastParentAdmin(string ParentName)
    : ConflictError($"{ParentName} would have no admin left. Make someone else a parent admin first.");

public sealed record ParentAdminNotFound() : NotFoundError("This person is not an admin of the parent organization (any more).");

public sealed record OnlyOrganizationOfParent(string OrganizationName, string ParentName)
    : ConflictError($"{OrganizationName} is the only organization of {ParentName}: it already has a parent organization of its own.");

public sealed record NotAStandaloneConsoleOrganization(string OrganizationName)
    : ConflictError($"Only a Console organization with a parent organization of its own can ask to join another. {OrganizationName} is not one; to move it, leave its parent organization first.");

public sealed record AlreadyInThatParent(string OrganizationName, string ParentName)
    : ConflictError($"{OrganizationName} already belongs to {ParentName}.");

public sealed record JoinRequestAlreadyPending(string OrganizationName)
    : ConflictError($"{OrganizationName} already asked to join a parent organization. Withdraw that request first.");

public sealed record JoinRequestNotFound() : NotFoundError("This request to join does not exist or was already decided.");

public sealed record ParentPlanFixed(string ParentName)
    : InvalidInputError("plan", $"{ParentName} is a Console organization's own parent organization: it has no plan to choose.");
