using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>One held-back removal as the owner sees it.</summary>
public sealed record StagedRemovalView(Guid PersonId, string Email, string DisplayName, ChangeKind Change, string Reason, DateTimeOffset StagedAt);
