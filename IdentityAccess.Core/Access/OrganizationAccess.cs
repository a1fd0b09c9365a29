using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Access;

/// <summary>The answer to "may this person do this in this organization", with what the page needs either way.</summary>
public sealed record OrganizationAccess(AccessOutcome Outcome, OrganizationSummary? Organization, Role? Role, string? Reason)
{
    public bool IsGranted => Outcome == AccessOutcome.Granted;

    public static OrganizationAccess NotFound { get; } = new(AccessOutcome.NotFound, null, null, null);
}
