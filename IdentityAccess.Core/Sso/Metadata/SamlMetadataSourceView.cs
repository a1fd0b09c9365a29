namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>What the SSO panel shows of a connection's metadata URL and its refresh.</summary>
/// <param name="LastError">The last fetch's error while fetches fail; the connection keeps its last good metadata.</param>
/// <param name="PausedAt">Set by a rollback; Refresh now resumes.</param>
public sealed record SamlMetadataSourceView(string Url, DateTimeOffset? LastCheckedAt, DateTimeOffset? LastChangedAt, DateTimeOffset NextRefreshAt,
    string? LastError, DateTimeOffset? FailingSince, DateTimeOffset? PausedAt)
{
    public static SamlMetadataSourceView Of(SamlMetadataSource source) =>
        new(source.Url, source.LastCheckedAt, source.LastChangedAt, source.NextRefreshAt, source.LastError, source.FailingSince, source.PausedAt);
}
