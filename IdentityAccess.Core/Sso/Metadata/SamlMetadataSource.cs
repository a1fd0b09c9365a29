namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>
/// Where a parent's IdP metadata comes from when a parent admin gave its URL: what the last fetch saw (its ETag and
/// Last-Modified, so a refresh that finds nothing new costs the IdP a 304), when it is due again, and the error of the
/// last failed fetch with since when it has been failing. The connection keeps the last good metadata meanwhile.
/// </summary>
public sealed class SamlMetadataSource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string Url { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset? LastModified { get; set; }

    /// <summary>The last fetch that answered (a new document, or 304 Not Modified).</summary>
    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>The last time a fetch changed what is trusted (keys, entity ID or sign-in URL).</summary>
    public DateTimeOffset? LastChangedAt { get; set; }

    /// <summary>When the scheduled refresh takes it next; also the claim of the instance refreshing it (see the refresher).</summary>
    public DateTimeOffset NextRefreshAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The first failure of the current run of failures; null while the last fetch worked.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>
    /// Set by a rollback: the scheduled refresh would otherwise bring back at once the metadata just rolled back from.
    /// Refresh now (or importing again) resumes it.
    /// </summary>
    public DateTimeOffset? PausedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
