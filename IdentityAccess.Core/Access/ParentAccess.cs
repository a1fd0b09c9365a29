using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Access;

/// <summary>The answer to "may this person do this in this parent organization".</summary>
public sealed record ParentAccess(AccessOutcome Outcome, ParentSummary? Parent, ActingRoles? Roles, Error? Refusal)
{
    public bool IsGranted => Outcome == AccessOutcome.Granted;

    public bool IsParentAdmin => Roles?.IsParentAdmin == true;

    public string? Reason => Refusal?.Message;

    public static ParentAccess NotFound { get; } = new(AccessOutcome.NotFound, null, null, new ParentNotFound());
}
