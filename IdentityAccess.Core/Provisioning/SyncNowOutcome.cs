using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning;

/// <summary>What a Sync now did: the memberships it changed, by kind, or why it was refused (then nothing changed).</summary>
public sealed record SyncNowOutcome(MembershipChangeCounts Changes, Error? Refusal)
{
    /// <summary>Memberships changed, whatever the kind: what the portal's message counts.</summary>
    public int Changed => Changes.Total;

    public static SyncNowOutcome Refused(Error refusal) => new(MembershipChangeCounts.None, refusal);
}
