using System.Globalization;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Scim.Bulk;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7): the operations run in order through the <see cref="ScimWriteDispatcher"/>, each with its
/// own outcome, audit and provisioning-log row, as if sent alone; consecutive user creates that refer to nothing are sent
/// together and share the directory's group commit, as concurrent requests would. An operation that refers to another's bulkId waits
/// until that one has created its resource, even when it comes later in the request; a reference to a bulkId no
/// operation creates is 400, to one that failed or that waits on this one (circular) is 409. After failOnErrors errors
/// the rest is not run. The answer is 200 with each run operation's status, in request order.
/// </summary>
internal sealed class ScimBulkProcessor(ScimWriteDispatcher writes, ScimRequestLog log, IOptions<ScimBulkOptions> options, ILogger<ScimBulkProcessor> logger)
{
    public async Task<IResult> RunAsync(HttpContext http)
    {
        var (operations, failOnErrors) = Parse(await ReadAsync(http));
        var creators = new Dictionary<string, ScimBulkOperation>(StringComparer.Ordinal);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<ScimBulkOutcome>();
        var pending = new List<ScimBulkOperation>();
        foreach (var operation in operations)
        {
            if (operation.Method == "POST" && operation.BulkId is { Length: > 0 } bulkId && !creators.TryAdd(bulkId, operation))
            {
                outcomes.Add(Refused(http, operation, created, ScimException.InvalidValue($"bulkId '{bulkId}' is used by an earlier operation.")));
                continue;
            }

            pending.Add(operation);
        }

        bool Stopped() => failOnErrors is { } limit && outcomes.Count(o => o.Error is not null) >= limit;
        while (pending.Count > 0 && !Stopped())
        {
            // One pass in request order runs what has all its references; a pass that runs nothing leaves only cycles.
            var progressed = false;
            var together = new List<ScimBulkOperation>();
            foreach (var operation in pending.ToList())
            {
                if (Stopped())
                {
                    break;
                }

                if (failOnErrors is null && IsIndependentUserCreate(operation))
                {
                    // Consecutive user creates that refer to nothing are sent together, so they share the directory's
                    // group commit (one transaction, one reconcile) as concurrent POSTs do; each keeps its own outcome and row.
                    pending.Remove(operation);
                    progressed = true;
                    together.Add(operation);
                    continue;
                }

                await RunTogetherAsync(http, together, created, failed, outcomes);

                var refused = operation.References.FirstOrDefault(r => !creators.ContainsKey(r)) is { } unknown
                    ? ScimException.InvalidValue($"No POST operation in this request has bulkId '{unknown}'.")
                    : operation.References.FirstOrDefault(failed.Contains) is { } broken
                    ? new ScimException(StatusCodes.Status409Conflict, null, $"bulkId '{broken}' refers to an operation that failed, so this one was not applied.")
                    : null;
                if (refused is null && !operation.References.All(created.ContainsKey))
                {
                    continue;
                }

                pending.Remove(operation);
                progressed = true;
                var outcome = refused is null ? await ApplyAsync(http, operation, created) : Refused(http, operation, created, refused);
                outcomes.Add(outcome);
                if (operation.Method == "POST" && operation.BulkId is { } bulkId)
                {
                    if (outcome.Result?.Resource?["id"]?.GetValue<string>() is { } id)
                    {
                        created[bulkId] = id;
                    }
                    else
                    {
                        failed.Add(bulkId);
                    }
                }
            }

            await RunTogetherAsync(http, together, created, failed, outcomes);
            if (!progressed)
            {
                foreach (var operation in pending.TakeWhile(_ => !Stopped()).ToList())
                {
                    pending.Remove(operation);
                    outcomes.Add(Refused(http, operation, created, new ScimException(StatusCodes.Status409Conflict, null,
                        $"The bulkId references of this operation are circular ({string.Join(", ", operation.References)}); none could be created first.")));
                }
            }
        }

        var failures = outcomes.Count(o => o.Error is not null);
        var counts = new[] { operations.Count, outcomes.Count - failures, failures }.Select(LogPhrase.Count).ToList();
        ProvisioningLogScope.Current?.Note(outcomes.Count < operations.Count
            ? LogPhrase.Of(LogPhraseCode.BulkStopped, [.. counts, LogPhrase.Count(operations.Count - outcomes.Count)])
            : LogPhrase.Of(LogPhraseCode.Bulk, [.. counts]));
        return ScimResponses.Json(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.BulkResponse),
            ["Operations"] = new JsonArray([.. outcomes.OrderBy(o => o.Operation.Index).Select(o => (JsonNode)o.ToJson())]),
        });
    }

    private static bool IsIndependentUserCreate(ScimBulkOperation operation) =>
        operation.Method == "POST" && operation.References.Count == 0
        && operation.Path.TrimStart('/').Equals("Users", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the gathered creates at once, records their outcomes in request order, and empties the list.</summary>
    private async Task RunTogetherAsync(HttpContext http, List<ScimBulkOperation> together, Dictionary<string, string> created, HashSet<string> failed,
        List<ScimBulkOutcome> outcomes)
    {
        if (together.Count == 0)
        {
            return;
        }

        var results = await Task.WhenAll(together.Select(operation => ApplyAsync(http, operation, created)));
        foreach (var outcome in results)
        {
            outcomes.Add(outcome);
            if (outcome.Operation.BulkId is { } bulkId)
            {
                if (outcome.Result?.Resource?["id"]?.GetValue<string>() is { } id)
                {
                    created[bulkId] = id;
                }
                else
                {
                    failed.Add(bulkId);
                }
            }
        }

        together.Clear();
    }

    private async Task<ScimBulkOutcome> ApplyAsync(HttpContext http, ScimBulkOperation operation, IReadOnlyDictionary<string, string> created)
    {
        var start = log.Start();
        using var scope = ProvisioningLogScope.Begin(); // the operation's own row: what it changed, not the whole request's
        ScimBulkOutcome outcome;
        try
        {
            var result = await writes.ApplyAsync(http.ParentId(), operation.ToWrite(created), http.Request.BaseUrl(), http.RequestAborted);
            outcome = new ScimBulkOutcome(operation, result.Status, result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            var error = ScimError.From(ex, http);
            if (error is null)
            {
                logger.LogError(ex, "Unhandled error in SCIM Bulk operation {Index} ({CorrelationId}).", operation.Index + 1, CorrelationId(http, operation));
            }

            error ??= ScimError.Unexpected(CorrelationId(http, operation));
            outcome = new ScimBulkOutcome(operation, error.Status, null, error);
        }

        log.Record(http, start, operation.Method, ScimRequest.BasePath + operation.LoggedPath(created), null, outcome.Status, scope.Phrases, outcome.Error,
            CorrelationId(http, operation));
        return outcome;
    }

    private ScimBulkOutcome Refused(HttpContext http, ScimBulkOperation operation, IReadOnlyDictionary<string, string> created, ScimException refusal)
    {
        var error = new ScimError(refusal.Status, refusal.ScimType, refusal.Message);
        log.Record(http, log.Start(), operation.Method, ScimRequest.BasePath + operation.LoggedPath(created), null, error.Status, null, error,
            CorrelationId(http, operation));
        return new ScimBulkOutcome(operation, error.Status, null, error);
    }

    // The request's correlation id and the operation's number: the Bulk's row and its operations' rows are found together.
    private static string CorrelationId(HttpContext http, ScimBulkOperation operation) => $"{http.TraceIdentifier}/{operation.Index + 1}";

    private async Task<JsonObject> ReadAsync(HttpContext http)
    {
        try
        {
            return await http.Request.ReadObjectAsync();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // RFC 7644 §3.7.4: over maxPayloadSize is 413.
            throw new ScimException(StatusCodes.Status413PayloadTooLarge, null,
                $"The size of the bulk request exceeds the maxPayloadSize ({options.Value.MaxPayloadSize} bytes).");
        }
    }

    private (IReadOnlyList<ScimBulkOperation> Operations, int? FailOnErrors) Parse(JsonObject body)
    {
        var get = (string name) => body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (get("Operations") is not JsonArray { Count: > 0 } operations)
        {
            throw ScimException.InvalidSyntax("A BulkRequest needs an Operations array with at least one operation.");
        }

        if (operations.Count > options.Value.MaxOperations)
        {
            // RFC 7644 §3.7.4: over maxOperations is 413; tooMany is the RFC's scimType for "more than the server will process".
            throw new ScimException(StatusCodes.Status413PayloadTooLarge, "tooMany",
                $"The bulk request has {operations.Count} operations; maxOperations is {options.Value.MaxOperations}.");
        }

        int? failOnErrors = get("failOnErrors") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var n) && n >= 1 => n,
            _ => throw ScimException.InvalidValue("failOnErrors must be a whole number of at least 1."),
        };
        return ([.. operations.Select((node, index) => ScimBulkOperation.Parse(index, node))], failOnErrors);
    }
}
