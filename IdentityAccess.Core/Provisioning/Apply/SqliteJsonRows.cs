using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// SQLite: many rows in one statement, <c>INSERT INTO t (…) SELECT value -&gt;&gt; 0, value -&gt;&gt; 1, … FROM
/// json_each(@rows)</c>, the rows as one JSON array of arrays (a parameter, so its size is not bounded by SQLite's
/// parameter limits). One prepared INSERT a row cost ~20 µs a row, 165–500 ms of a group PATCH's 8,000 audit entries
/// (docs/performance.md). <c>-&gt;&gt;</c> gives SQL values as bound parameters are: a JSON string is TEXT, an integer
/// INTEGER, null NULL. Each value is written as Microsoft.Data.Sqlite binds it (a Guid as upper-case text, a bool as
/// 0 or 1, a DateTimeOffset through the model's converter as an integer), so the rows hold the same cells as on the
/// one-row path. A value it cannot write exactly (a REAL, a blob, text with NUL or a lone surrogate) makes its chunk
/// go row by row, as before.
/// </summary>
internal static class SqliteJsonRows
{
    /// <summary>Rows per statement: large enough that the statement's own cost vanishes, small enough to stream a million.</summary>
    public const int RowsPerStatement = 1_000;

    public static DbCommand Command(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        IReadOnlyList<string> columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c))).Append(") SELECT ");
        for (var column = 0; column < columns.Count; column++)
        {
            text.Append(column == 0 ? "" : ", ").Append("value ->> ").Append(column);
        }

        // json_each walks a top-level array in order, so the rows go in (and fire their triggers) in the caller's order.
        command.CommandText = text.Append(" FROM json_each(@rows)").ToString();
        var rows = command.CreateParameter();
        rows.ParameterName = "rows";
        command.Parameters.Add(rows);
        return command;
    }

    /// <summary>The chunk as a JSON array of arrays, one value a column after its converter; null when a value cannot be written exactly.</summary>
    public static string? Json<T>(IReadOnlyList<T> rows, IReadOnlyList<(RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> columns)
        where T : class
    {
        var buffer = new ArrayBufferWriter<byte>(rows.Count * 256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var (mapping, getter) in columns)
                {
                    var value = getter.GetClrValue(row);
                    if (!TryWrite(writer, value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value))
                    {
                        return null;
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool TryWrite(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return true;
            case string text when Exact(text):
                writer.WriteStringValue(text);
                return true;
            case Guid id:
                writer.WriteStringValue(id.ToString().ToUpperInvariant()); // Microsoft.Data.Sqlite binds a Guid as upper-case TEXT
                return true;
            case bool flag:
                writer.WriteNumberValue(flag ? 1 : 0);
                return true;
            case long or int or short or byte:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return true;
            default:
                return false; // REAL (its text form), blobs, anything else: the one-row path binds it
        }
    }

    // Text a JSON string carries unchanged into SQLite: no NUL (SQLite's JSON text ends there) and no lone surrogate
    // (Microsoft.Data.Sqlite would write U+FFFD, the JSON writer refuses it).
    private static bool Exact(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
