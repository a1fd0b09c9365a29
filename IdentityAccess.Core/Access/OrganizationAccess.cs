using IdentityAccess.Core.Common;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>The answer to "may this person do this in this organization", with what the page needs either way.</summary>
public sealed record OrganizationAccess(AccessOutcome Outcome, OrganizationSummary? Organization, ActingRoles? Roles, Error? Refusal)
{
    public bool IsGranted => Outcome == AccessOutcome.Granted;

    /// <summary>The acting person's role here; null when they are not an active member (a parent admin may still be granted).</summary>
    public Role? Role => Roles?.OrganizationRole;

    public bool IsParentAdmin => Roles?.IsParentAdmin == true;

    public string? Reason => Refusal?.Message;

    public static OrganizationAccess NotFound { get; } = new(AccessOutcome.NotFound, null, null, new OrganizationNotFound());
}
