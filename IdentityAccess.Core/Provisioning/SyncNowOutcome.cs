using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning;

/// <summary>What a Sync now did: how many memberships changed, or why it was refused (then nothing changed).</summary>
public sealed record SyncNowOutcome(int Changed, Error? Refusal)
{
    public static SyncNowOutcome Refused(Error refusal) => new(0, refusal);
}
