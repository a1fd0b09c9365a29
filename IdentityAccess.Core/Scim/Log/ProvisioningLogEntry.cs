namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// One SCIM request, or one provisioning decision at a SAML sign-in, as the directory's owners see it: who (which
/// token, or the SSO sign-in), when, what was asked, how it ended and what it changed. Never a body, a header, an
/// assertion or a password: the path is redacted and summaries are written by us.
/// </summary>
public sealed class ProvisioningLogEntry
{
    public const int MaxPathLength = 2048;
    public const int MaxSummaryLength = 500;
    public const int MaxErrorDetailLength = 1000;
    public const int MaxTextCodesLength = 4000;

    /// <summary>Ascending in insertion order: the log's order and its keyset for paging and export.</summary>
    public long Id { get; init; }

    public Guid ParentOrganizationId { get; init; }

    /// <summary>Where the decision was made: a SCIM request, or a SAML sign-in (JIT provisioning and its refusals).</summary>
    public ProvisioningLogChannel Channel { get; init; } = ProvisioningLogChannel.Scim;

    /// <summary>The token that made the request (null for a sign-in); tokens are revoked, never deleted, so the id stays meaningful.</summary>
    public Guid? TokenId { get; init; }

    /// <summary>The token's shown prefix; empty for a sign-in.</summary>
    public string TokenPrefix { get; init; } = "";

    public DateTimeOffset OccurredAt { get; init; }

    public string Method { get; init; } = "";

    /// <summary>Path and query, e.g. <c>/scim/v2/Users?filter=userName eq "a@b.test"</c>, with secrets redacted; <c>/saml/acs</c> for a sign-in.</summary>
    public string Path { get; init; } = "";

    public int Status { get; init; }

    /// <summary>What it changed, e.g. "Created user alice@contoso.com"; null when it changed nothing worth saying.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// The same as phrase codes and values (<see cref="ProvisioningLogCodes"/>), so the portal says it in the reader's
    /// language; null for rows written before the codes, which show their <see cref="Summary"/> as written.
    /// </summary>
    public string? TextCodes { get; init; }

    /// <summary>The SCIM error's scimType (RFC 7644 §3.12), when it has one; for a sign-in, why it was refused (a <c>SamlSignInFailure</c>).</summary>
    public string? ErrorType { get; init; }

    /// <summary>The SCIM error's detail, as sent to the client, for failures.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>The request's trace identifier, also sent back in the <c>X-Correlation-ID</c> response header (a sign-in's refusal page shows it as its reference).</summary>
    public string CorrelationId { get; init; } = "";

    public int DurationMs { get; init; }

    public bool IsError => Status >= 400;
}
