using System.Text.Json.Serialization;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// One phrase of a provisioning-log row as a code and its values (names, emails, counts as invariant digits, a role,
/// a tier or a membership status as their English/enum names), so the portal says it in the reader's language; the
/// English the export and the command line keep is <see cref="ProvisioningLogEnglish"/>'s.
/// </summary>
/// <param name="Details">Said after it in parentheses, e.g. "Updated user b@x.test (renamed from a@x.test, deactivated)".</param>
/// <param name="Then">Said after it and a colon, e.g. "Updated group 'Eng': +3 members" or a sign-in's changes.</param>
public sealed record LogPhrase(
    LogPhraseCode Code,
    IReadOnlyList<string> Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LogPhrase>? Details = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LogPhrase>? Then = null)
{
    public static LogPhrase Of(LogPhraseCode code, params string[] values) => new(code, values);

    /// <summary>A count as the phrase keeps it: invariant digits, formatted by whoever says it.</summary>
    public static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The same phrase with every value (its details' and what follows too) passed through <paramref name="map"/>: redaction.</summary>
    public LogPhrase MapValues(Func<string, string> map) => new(Code, [.. Values.Select(map)],
        Details?.Select(d => d.MapValues(map)).ToList(), Then?.Select(t => t.MapValues(map)).ToList());

    /// <summary>The value at <paramref name="index"/>, empty when a stored row has fewer (never throws on a row written by an older build).</summary>
    public string Value(int index) => index < Values.Count ? Values[index] : "";

    /// <summary>A count value back as a number (0 when it is not one).</summary>
    public int CountAt(int index) => int.TryParse(Value(index), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    public override string ToString() => ProvisioningLogEnglish.Say(this);

    public bool Equals(LogPhrase? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
