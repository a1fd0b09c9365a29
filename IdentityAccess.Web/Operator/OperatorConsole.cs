using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Operator;

/// <summary>
/// Where a command's answer and refusals go: the answer on standard output, a refusal on standard error, as text or,
/// with <c>--json</c>, as one JSON document each (<c>{"error": {"code", "message"}}</c> for a refusal).
/// </summary>
internal sealed class OperatorConsole(TextWriter output, TextWriter error, bool json)
{
    private static readonly JsonSerializerOptions _jsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Read by scripts and people, never embedded in HTML: "<" and "…" stay themselves.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The answer: <paramref name="text"/> as it always was, or <paramref name="document"/> with <c>--json</c>.</summary>
    public async Task<int> AnswerAsync(object document, string text)
    {
        await (json ? output.WriteLineAsync(Serialize(document)) : output.WriteLineAsync(text));
        return OperatorExitCodes.Done;
    }

    /// <summary>A list: one text line per item, or one JSON array of objects.</summary>
    public async Task<int> ListAsync<T>(IEnumerable<T> items, Func<T, object> document, Func<T, string> line)
    {
        if (json)
        {
            await output.WriteLineAsync(Serialize(items.Select(document).ToList()));
            return OperatorExitCodes.Done;
        }

        foreach (var item in items)
        {
            await output.WriteLineAsync(line(item));
        }

        return OperatorExitCodes.Done;
    }

    /// <summary>A refusal from a service: its category gives the exit code and the JSON code, never its sentence.</summary>
    public Task<int> RefusedAsync(Error refused, string? text = null) =>
        FailAsync(OperatorExitCodes.Of(refused.Category), OperatorExitCodes.CodeOf(refused.Category), refused.Message, text);

    /// <summary>Writes the refusal to standard error and returns <paramref name="exitCode"/>.</summary>
    public async Task<int> FailAsync(int exitCode, string code, string message, string? text = null)
    {
        await (json ? error.WriteLineAsync(Serialize(new { error = new { code, message } })) : error.WriteLineAsync(text ?? message));
        return exitCode;
    }

    /// <summary>An unknown command or arguments: what was wrong, then the usage, on standard error.</summary>
    public async Task<int> UsageAsync(string message, string usage)
    {
        await (json
            ? error.WriteLineAsync(Serialize(new { error = new { code = "usage", message, usage } }))
            : error.WriteLineAsync(message + Environment.NewLine + usage));
        return OperatorExitCodes.Usage;
    }

    /// <summary>The usage asked for (<c>operator help</c>): an answer, on standard output.</summary>
    public Task<int> HelpAsync(string usage) => AnswerAsync(new { usage }, usage);

    private static string Serialize(object document) => JsonSerializer.Serialize(document, document.GetType(), _jsonOptions);
}
