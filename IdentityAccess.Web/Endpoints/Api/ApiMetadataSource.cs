using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The URL the IdP's metadata is fetched from again on a schedule, and how the last fetches went.</summary>
/// <param name="LastError">The last fetch's error while fetches fail; the connection keeps its last good metadata.</param>
/// <param name="PausedAt">Set by a rollback in the portal; its Refresh now resumes the schedule.</param>
internal sealed record ApiMetadataSource(string Url, DateTimeOffset? LastCheckedAt, DateTimeOffset? LastChangedAt, DateTimeOffset NextRefreshAt,
    string? LastError, DateTimeOffset? FailingSince, DateTimeOffset? PausedAt)
{
    public static ApiMetadataSource From(SamlMetadataSourceView source) => new(source.Url, source.LastCheckedAt, source.LastChangedAt, source.NextRefreshAt,
        source.LastError, source.FailingSince, source.PausedAt);
}
