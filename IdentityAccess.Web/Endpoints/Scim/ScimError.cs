using System.Globalization;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// A SCIM error (RFC 7644 §3.12): the status, the scimType where the RFC names one, and a human detail. Whatever writes
/// it (a handler, the authentication challenge, the rate limiter, the error middleware, a Bulk operation) goes through
/// here, and the answered error is kept on the request so the provisioning log records its type and detail.
/// </summary>
internal sealed record ScimError(int Status, string? ScimType, string Detail)
{
    /// <summary>
    /// The detail as a provisioning-log phrase, for an ending that is ours to word rather than the protocol's (the client
    /// gone before the answer): the log page says it in the reader's language, the export keeps <see cref="Detail"/>.
    /// </summary>
    public LogPhrase? Phrase { get; init; }

    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = Status.ToString(CultureInfo.InvariantCulture), // a string, RFC 7644 §3.12
            ["detail"] = Detail,
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }

        return body;
    }

    /// <summary>The error a refused request's exception stands for, or null when it is none of the request's doing (a 500).</summary>
    public static ScimError? From(Exception exception, HttpContext http) => exception switch
    {
        ScimException scim => new ScimError(scim.Status, scim.ScimType, scim.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ScimError(StatusCodes.Status413PayloadTooLarge, null,
            $"The request body is larger than {http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes."),
        BadHttpRequestException bad => new ScimError(bad.StatusCode, "invalidSyntax", "The request could not be read."),
        _ => null,
    };

    /// <summary>What a server fault answers: no stack trace, only the id that finds it in the server's log.</summary>
    public static ScimError Unexpected(string correlationId) =>
        new(StatusCodes.Status500InternalServerError, null, $"An unexpected error occurred on the server. Correlation id: {correlationId}.");
}
