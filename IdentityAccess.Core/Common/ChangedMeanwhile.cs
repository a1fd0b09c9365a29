namespace IdentityAccess.Core.Common;

/// <summary>A simultaneous change tripped a unique index or a concurrency token: nothing was saved.</summary>
public sealed record ChangedMeanwhile()
    : ConflictError("Someone changed this at the same moment, so nothing was saved. Reload the page and try again.");
