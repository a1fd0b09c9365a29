using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>One held change as the reviewer sees it: the person, the kind, what the IdP asked, by which path, since when.</summary>
public sealed record StagedRemovalView(Guid PersonId, string Email, string DisplayName, ChangeKind Change, string Reason, DateTimeOffset StagedAt)
{
    public string Asked { get; init; } = "";

    public string Path { get; init; } = "";
}
