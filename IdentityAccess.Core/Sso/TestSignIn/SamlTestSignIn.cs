namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// One test sign-in a parent admin started: a real SP-initiated login against the parent's saved connection, or a
/// draft of it that is never applied, whose Response the ACS only reports on. The result holds what the IdP sent
/// (personal data), so only the admin who started it, in the session that started it, may read it; the panel shows
/// everyone else with the right to see it only the outcome. A parent keeps its last completed test and those under way.
/// </summary>
public sealed class SamlTestSignIn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public Guid StartedByPersonId { get; init; }

    /// <summary>The audit log's name for the admin, read when the test started.</summary>
    public required string StartedByName { get; init; }

    /// <summary>The portal session (its id, which the session cookie carries) that started the test and alone may read the result.</summary>
    public Guid StartedInSessionId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The draft connection as JSON (<see cref="SamlTestDraft"/>); null when the saved connection is tested.</summary>
    public string? DraftJson { get; init; }

    /// <summary>The IdP tested: the draft's or the saved connection's entity ID when the test started.</summary>
    public required string IdpEntityId { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>True when every check passed; null until the Response came back.</summary>
    public bool? Passed { get; set; }

    /// <summary>The check that failed, in words, for the panel's summary (no personal data).</summary>
    public string? FailedCheck { get; set; }

    /// <summary>The full result as JSON (<see cref="SamlTestResult"/>), for the admin who started the test.</summary>
    public string? ResultJson { get; set; }

    public bool IsDraft => DraftJson is not null;
}
