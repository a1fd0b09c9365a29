using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.Api.Idempotency;

namespace IdentityAccess.Web.Endpoints.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the management API's POSTs: the first request with a key is answered and its answer kept
/// (<see cref="ApiIdempotencyStore"/>); a retry with the same key and the same request gets that answer again, marked
/// <c>Idempotent-Replayed: true</c>, and nothing is done twice. The same key with another request is a 422, a retry
/// while the first is still running a 409 with <c>Retry-After</c>. Server errors are not kept: a retry does the work.
/// Without the header a POST behaves as before.
/// </summary>
/// <remarks>
/// A middleware after authorization, not an endpoint filter: it must hash the raw body before the endpoint reads it,
/// and keep the bytes of the answer the endpoint's result writes. Only the API key that sent a key can replay its
/// answer; keys never see each other's.
/// </remarks>
internal static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";

    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The largest body hashed for a key; an API request body is far smaller.</summary>
    private const int MaxRequestBody = 1024 * 1024;

    /// <summary>Marks the endpoints (a group) whose POSTs take the header.</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AcceptsIdempotencyKeyMetadata.Instance);

    /// <summary>After authorization: only a request with a valid API key reaches a key's record.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseWhen(Applies, branch => branch.Use(HandleAsync));

    private static bool Applies(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && http.Request.Headers.ContainsKey(HeaderName)
        && http.GetEndpoint()?.Metadata.GetMetadata<AcceptsIdempotencyKeyMetadata>() is not null
        && http.ApiCaller() is not null;

    private static async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        var values = http.Request.Headers[HeaderName];
        if (values.Count != 1 || values[0] is not { } key || !IsWellFormed(key))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"Send one {HeaderName} of 1 to {ApiIdempotencyRecord.MaxKeyLength} printable ASCII characters, such as a UUID.");
            return;
        }

        if (await RequestHashAsync(http) is not { } requestHash)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request with an {HeaderName} may carry at most 1 MB.");
            return;
        }

        var store = http.RequestServices.GetRequiredService<ApiIdempotencyStore>();
        var claim = await store.ClaimAsync(http.RequiredApiCaller().KeyId, key, requestHash, http.RequestAborted);
        switch (claim)
        {
            case ApiIdempotencyClaim.Replay replay:
                await ReplayAsync(http, replay);
                return;
            case ApiIdempotencyClaim.OtherRequest:
                await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {HeaderName} was sent with another request (method, path or body). Use a new key for a new request.");
                return;
            case ApiIdempotencyClaim.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await ProblemAsync(http, StatusCodes.Status409Conflict, "Request in progress",
                    $"A request with this {HeaderName} is still being answered. Retry in a moment to get its answer.");
                return;
            case ApiIdempotencyClaim.Claimed claimed:
                await AnswerAndKeepAsync(http, next, store, claimed.RecordId);
                return;
        }
    }

    private static async Task AnswerAndKeepAsync(HttpContext http, RequestDelegate next, ApiIdempotencyStore store, Guid recordId)
    {
        var original = http.Response.Body;
        using var answer = new MemoryStream();
        http.Response.Body = answer;
        try
        {
            await next(http);
        }
        catch
        {
            // Not kept: the client retries, and the work (rolled back with the request) is done then.
            await store.ReleaseAsync(recordId, CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        var bytes = answer.ToArray();
        if (http.Response.StatusCode >= 500 || http.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            await store.ReleaseAsync(recordId, CancellationToken.None);
        }
        else
        {
            // Kept even if the client has gone: that is the client that will retry.
            await store.CompleteAsync(recordId, http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                bytes, CancellationToken.None);
        }

        await original.WriteAsync(bytes, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, ApiIdempotencyClaim.Replay replay)
    {
        http.Response.StatusCode = replay.Status;
        http.Response.Headers[ReplayedHeaderName] = "true";
        if (replay.ContentType is { } contentType)
        {
            http.Response.ContentType = contentType;
        }

        if (replay.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        await http.Response.Body.WriteAsync(replay.Body, http.RequestAborted);
    }

    // Printable ASCII, spaces included (the draft's key is a structured-field string); no control characters.
    private static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= ApiIdempotencyRecord.MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    /// <summary>The method, path, query and body, hashed; null when the body is over the limit. The body is left readable.</summary>
    private static async Task<string?> RequestHashAsync(HttpContext http)
    {
        http.Request.EnableBuffering(MaxRequestBody);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}{http.Request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            total += read;
            if (total > MaxRequestBody)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
        }

        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);

    /// <summary>On the endpoints whose POSTs take the header (read by the middleware and the OpenAPI description).</summary>
    internal sealed class AcceptsIdempotencyKeyMetadata
    {
        public static readonly AcceptsIdempotencyKeyMetadata Instance = new();
    }
}
