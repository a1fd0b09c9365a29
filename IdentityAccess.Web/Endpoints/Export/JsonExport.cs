using System.Text.Encodings.Web;
using System.Text.Json;

namespace IdentityAccess.Web.Endpoints.Export;

/// <summary>
/// The JSON twin of <see cref="CsvExport"/>: one array, an object per row written as the rows arrive and flushed every
/// <see cref="CsvExport.FlushEvery"/> rows, so memory never holds the whole range.
/// </summary>
public static class JsonExport
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync<T>(Stream body, IAsyncEnumerable<T> rows, Action<Utf8JsonWriter, T> writeRow, CancellationToken cancellationToken)
    {
        // Relaxed escaping keeps names and '+' readable; the file is downloaded, never embedded in a page.
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            writer.WriteStartObject();
            writeRow(writer, row);
            writer.WriteEndObject();
            if (++written % CsvExport.FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>A value stored as JSON (an audit event's before and after) as itself, or as a string should it not parse.</summary>
    public static void WriteStoredJson(Utf8JsonWriter writer, string propertyName, string? json)
    {
        writer.WritePropertyName(propertyName);
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            writer.WriteRawValue(json); // validated before anything is written
        }
        catch (JsonException)
        {
            writer.WriteStringValue(json);
        }
    }
}
