namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>Where a Sync now started in the background stands.</summary>
public enum SyncRunState
{
    /// <summary>Queued or reconciling.</summary>
    Running,

    /// <summary>Done; its counts say what changed.</summary>
    Succeeded,

    /// <summary>Sync now refused it (the acting person no longer allowed, the plan without directory sync, changed meanwhile): nothing changed.</summary>
    Refused,

    /// <summary>It stopped on an error (or its instance stopped); the sync is one transaction, so nothing changed.</summary>
    Failed,
}
