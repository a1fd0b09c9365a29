using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// A row's phrases as stored in <see cref="ProvisioningLogEntry.TextCodes"/>: JSON, e.g.
/// <c>{"summary":[{"code":"UserCreated","values":["alice@contoso.com"]}]}</c>, beside the English <c>Summary</c> (the
/// export's, and what rows written before the codes keep). Like the held changes' <c>StoredReasons</c>. A failed row's
/// error is a phrase too (<c>"error":{"code":"SignInWaitingForSeat","values":[…]}</c>), beside its English <c>ErrorDetail</c>.
/// </summary>
public static class ProvisioningLogCodes
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<LogPhraseCode>(allowIntegerValues: false) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // names in any script as they are: the column is not HTML
    };

    /// <summary>
    /// A row's two forms of its phrases: the English <c>Summary</c> (cut to its column) and the <c>TextCodes</c>, which
    /// also hold the row's <paramref name="error"/> (its English is the row's <c>ErrorDetail</c>, written by the caller).
    /// </summary>
    public static (string? Summary, string? TextCodes) Both(IReadOnlyList<LogPhrase>? summary, LogPhrase? error = null)
    {
        var said = summary is { Count: > 0 } ? summary : [];
        var english = said.Count == 0 ? null : ProvisioningLogRedaction.Truncate(ProvisioningLogEnglish.Summary(said), ProvisioningLogEntry.MaxSummaryLength);
        return (english, Write(said, error));
    }

    /// <summary>The stored form; null when there is nothing to say or it would not fit (the row's English then says it alone).</summary>
    public static string? Write(IReadOnlyList<LogPhrase> summary, LogPhrase? error = null)
    {
        if (summary.Count == 0 && error is null)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(new Stored(summary.Count == 0 ? null : summary, error), _json);
        return json.Length <= ProvisioningLogEntry.MaxTextCodesLength ? json : null;
    }

    /// <summary>The phrases of a row; null for a row without codes (written before them) or whose codes no longer read.</summary>
    public static IReadOnlyList<LogPhrase>? ReadSummary(string? codes)
    {
        if (codes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(codes, _json)?.Summary is { Count: > 0 } summary && summary.All(Complete) ? summary : null;
        }
        catch (JsonException)
        {
            // A code renamed or removed since the row was written: its English still says what happened.
            return null;
        }
    }

    /// <summary>Why a failed row failed, as a phrase; null for a row without one (its <c>ErrorDetail</c> says it as written).</summary>
    public static LogPhrase? ReadError(string? codes)
    {
        if (codes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(codes, _json)?.Error is { } error && Complete(error) ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Complete(LogPhrase phrase) => phrase.Values is not null && (phrase.Details ?? []).All(Complete) && (phrase.Then ?? []).All(Complete);

    private sealed record Stored(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LogPhrase>? Summary,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LogPhrase? Error = null);
}
