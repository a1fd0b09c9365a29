using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>One held change as the reviewer sees it: the person, the kind, what the IdP asked, by which path, since when.</summary>
public sealed record StagedRemovalView(Guid PersonId, string Email, string DisplayName, ChangeKind Change, string Reason, DateTimeOffset StagedAt)
{
    /// <summary>What the IdP asked, in English as it was staged (the command line's words).</summary>
    public string Asked { get; init; } = "";

    /// <summary>For a demotion staged since roles are kept: the role held and the role asked; null otherwise.</summary>
    public Roles.Role? FromRole { get; init; }

    /// <inheritdoc cref="FromRole"/>
    public Roles.Role? ToRole { get; init; }

    /// <summary>The reasons, to be worded in the reader's language (<see cref="StoredReasons"/>).</summary>
    public IReadOnlyList<OutcomeReason> Reasons { get; init; } = [];

    public string Path { get; init; } = "";
}
