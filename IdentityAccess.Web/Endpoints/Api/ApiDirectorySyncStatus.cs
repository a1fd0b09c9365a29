using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// How directory sync is doing, as the Identity and access page's status panel and its "paused" banner say it: each valid
/// SCIM token's traffic (quiet after two hours without a request), requests refused with a revoked token, groups the IdP
/// nested (skipped), and the pause a plan without directory sync puts on the parent's directory.
/// </summary>
internal sealed record ApiDirectorySyncStatus(DateTimeOffset Now, IReadOnlyList<ApiTokenHealth> Tokens, int RevokedTokenRequestsLastDay,
    IReadOnlyList<string> NestedGroupKeys, ApiDirectoryPause? Paused)
{
    public static ApiDirectorySyncStatus From(DirectorySyncStatus status, DirectoryPause? pause) =>
        new(status.Now, [.. status.Tokens.Select(t => ApiTokenHealth.From(t, status.Now))], status.RevokedTokenRequestsLastDay,
            [.. status.NestedGroupKeys.Order(StringComparer.Ordinal)], pause is null ? null : ApiDirectoryPause.From(pause));
}

/// <summary>One valid token's last request, the last day's requests and failures, and its last failure with its HTTP status.</summary>
internal sealed record ApiTokenHealth(Guid TokenId, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastRequestAt, int RequestsLastDay,
    int ErrorsLastDay, bool Quiet, ApiLoggedError? LastError)
{
    public static ApiTokenHealth From(TokenSyncHealth token, DateTimeOffset now) =>
        new(token.TokenId, token.Prefix, token.CreatedAt, token.LastRequestAt, token.RequestsLastDay, token.ErrorsLastDay, token.IsQuiet(now),
            token.LastError is { } error ? new ApiLoggedError(error.Status, error.Detail, error.At) : null);
}

internal sealed record ApiLoggedError(int Status, string? Detail, DateTimeOffset At);

/// <summary>The parent's plan has no directory sync: its directory is kept as it is, and these organizations are still set to it.</summary>
internal sealed record ApiDirectoryPause(string ParentPlan, string OrganizationMode, IReadOnlyList<string> OrganizationsOnDirectorySync,
    int DirectoryUsers, int ValidTokens)
{
    public static ApiDirectoryPause From(DirectoryPause pause) =>
        new(pause.Plan.ToString(), pause.OrganizationMode.ToString(), pause.OrganizationsOnDirectorySync, pause.DirectoryUsers, pause.ValidTokens);
}
