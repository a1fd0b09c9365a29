using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// What asking for a background Sync now did: the run started, or the run already running for the same organization
/// (a second is not started), or why Sync now is refused before it starts (then no run exists).
/// </summary>
public sealed record SyncRunStart(SyncRun? Started, SyncRun? AlreadyRunning, Error? Refusal)
{
    public static SyncRunStart Refused(Error refusal) => new(null, null, refusal);
}
