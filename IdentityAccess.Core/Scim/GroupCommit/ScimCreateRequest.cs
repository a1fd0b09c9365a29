using System.Diagnostics;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Core.Scim.GroupCommit;

/// <summary>
/// One POST /Users waiting for the directory's writer: the document already sanitized and checked (a malformed one is
/// answered at once, on the request's own flow), the request's provisioning-log scope to report to once the batch
/// commits, and the answer the request awaits.
/// </summary>
internal sealed class ScimCreateRequest(JsonObject document, ScimUserFields fields, string baseUrl, ProvisioningLogScope? log, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<ScimCreateOutcome> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JsonObject Document { get; } = document;

    public ScimUserFields Fields { get; } = fields;

    public string BaseUrl { get; } = baseUrl;

    /// <summary>The request's own log scope: what its part of a batch did is added to it after the commit, never before.</summary>
    public ProvisioningLogScope? Log { get; } = log;

    /// <summary>Checked before a batch takes the request: a client that gave up is not written for.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The request's span, taken on its own flow: the batch that writes it links to it (the writer runs on no request's flow).</summary>
    public ActivityContext Trace { get; } = Activity.Current?.Context ?? default;

    public Task<ScimCreateOutcome> Answer => _answer.Task;

    public void Complete(ScimCreateOutcome outcome) => _answer.TrySetResult(outcome);

    public void Cancel() => _answer.TrySetCanceled(CancellationToken);
}

/// <summary>What the writer did with one create: written (the resource), refused (its own SCIM error), or left to the single-request path.</summary>
internal abstract record ScimCreateOutcome
{
    private ScimCreateOutcome()
    {
    }

    public sealed record Created(JsonObject Resource) : ScimCreateOutcome;

    public sealed record Refused(ScimException Error) : ScimCreateOutcome;

    /// <summary>
    /// The batch could not take it (it links an existing person, whose profile rules are the single path's; or the
    /// batch failed and was rolled back): the request runs alone, in its own transaction, with its own outcome.
    /// </summary>
    public sealed record RunAlone(string Why) : ScimCreateOutcome;
}
