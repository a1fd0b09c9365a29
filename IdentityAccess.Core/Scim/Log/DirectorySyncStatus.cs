namespace IdentityAccess.Core.Scim.Log;

/// <summary>How directory sync is doing, for the Identity and access page: per valid token, and the flags on groups.</summary>
/// <param name="Now">When this was read; the page words times relative to it.</param>
/// <param name="Tokens">The parent's valid tokens, oldest first.</param>
/// <param name="RevokedTokenRequestsLastDay">Requests refused (401) in the last 24 hours because their token was revoked.</param>
/// <param name="NestedGroupKeys">Mapping keys of groups the IdP sent other groups into (skipped: only direct members count).</param>
public sealed record DirectorySyncStatus(
    DateTimeOffset Now,
    IReadOnlyList<TokenSyncHealth> Tokens,
    int RevokedTokenRequestsLastDay,
    IReadOnlySet<string> NestedGroupKeys)
{
    /// <summary>Entra ID runs an incremental provisioning cycle about every 40 minutes, so half an hour of silence is normal.</summary>
    public static readonly TimeSpan EntraCycle = TimeSpan.FromMinutes(40);

    /// <summary>Three missed Entra cycles: worth a look when a token exists (wrong URL, job stopped, quarantined, token not pasted).</summary>
    public static readonly TimeSpan QuietWarning = TimeSpan.FromHours(2);

    public static DirectorySyncStatus Empty(DateTimeOffset now) => new(now, [], 0, new HashSet<string>());
}

/// <summary>One valid token's traffic: the last request, the last day's requests and failures, and the last failure ever kept.</summary>
public sealed record TokenSyncHealth(
    Guid TokenId,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastRequestAt,
    int RequestsLastDay,
    int ErrorsLastDay,
    LoggedError? LastError)
{
    /// <summary>No request for <see cref="DirectorySyncStatus.QuietWarning"/>, counted from creation when there was never one.</summary>
    public bool IsQuiet(DateTimeOffset now) => now - (LastRequestAt ?? CreatedAt) >= DirectorySyncStatus.QuietWarning;
}

/// <param name="TextCodes">The row's phrases (<see cref="ProvisioningLogCodes.ReadError"/>): its error in the reader's language when it has one.</param>
public sealed record LoggedError(int Status, string? Detail, DateTimeOffset At, string? TextCodes = null);
