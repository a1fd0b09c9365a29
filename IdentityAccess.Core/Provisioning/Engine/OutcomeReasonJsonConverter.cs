using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// A reason as JSON, for a test sign-in's stored result: <c>{"Code":"GroupRole","Arguments":["'staff' → User"]}</c>.
/// Names, tiers and days are written as text and numbers as numbers, which is all the words need to be filled again;
/// an asked change's reasons nest. A result stored before reasons had codes holds plain English: it is read as it was.
/// </summary>
public sealed class OutcomeReasonJsonConverter : JsonConverter<OutcomeReason>
{
    public override OutcomeReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return OutcomeReason.Of(ReasonCode.AsRecorded, reader.GetString());
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var code = Enum.Parse<ReasonCode>(root.GetProperty("Code").GetString()!);
        object?[] arguments = root.TryGetProperty("Arguments", out var list) ? [.. list.EnumerateArray().Select(Argument)] : [];
        return OutcomeReason.Of(code, arguments);
    }

    public override void Write(Utf8JsonWriter writer, OutcomeReason value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("Code", value.Code.ToString());
        writer.WriteStartArray("Arguments");
        foreach (var argument in value.Arguments)
        {
            switch (argument)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case DateOnly day:
                    writer.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable<OutcomeReason> asked:
                    writer.WriteStartArray();
                    foreach (var reason in asked)
                    {
                        Write(writer, reason, options);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(argument, CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static object? Argument(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetInt32(),
        JsonValueKind.Array => element.EnumerateArray().Select(Reason).ToList(),
        JsonValueKind.String => element.GetString(),
        _ => null,
    };

    private static OutcomeReason Reason(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? OutcomeReason.Of(ReasonCode.AsRecorded, element.GetString())
        : OutcomeReason.Of(Enum.Parse<ReasonCode>(element.GetProperty("Code").GetString()!),
            element.TryGetProperty("Arguments", out var list) ? [.. list.EnumerateArray().Select(Argument)] : []);
}
