using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>
/// What the last "Verify" of a domain found, as a code and its values, kept in <see cref="VerifiedDomain.LastCheckResult"/>
/// as JSON (e.g. <c>{"code":"TxtRecordMissing","values":["contoso.com"]}</c>) so the domains panel says it in the reader's
/// language; rows checked before the codes keep their English sentence, which <see cref="Read"/> leaves to be shown as is.
/// </summary>
public sealed record DomainCheckResult(DomainCheckCode Code, IReadOnlyList<string> Values)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<DomainCheckCode>(allowIntegerValues: false) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static DomainCheckResult Of(DomainCheckCode code, params string[] values) => new(code, values);

    /// <summary>The value at <paramref name="index"/>, empty when the stored row has fewer.</summary>
    public string Value(int index) => index < Values.Count ? Values[index] : "";

    /// <summary>The sentence in English: the command line's, and the refusal's message.</summary>
    [JsonIgnore]
    public string English => Code switch
    {
        DomainCheckCode.Found => "TXT record found.",
        DomainCheckCode.TxtRecordMissing => ValidationFailed.English(ValidationRule.DomainTxtRecordMissing).Replace("{0}", Value(0), StringComparison.Ordinal),
        DomainCheckCode.TxtRecordDifferent => string.Format(CultureInfo.InvariantCulture, ValidationFailed.English(ValidationRule.DomainTxtRecordDifferent),
            Value(0), Value(1), Value(2)),
        DomainCheckCode.VerifiedElsewhere => ValidationFailed.English(ValidationRule.DomainFoundButVerifiedElsewhere),
        DomainCheckCode.DomainDoesNotExist => $"The domain {Value(0)} does not exist in DNS.",
        DomainCheckCode.DnsError => $"DNS answered with an error: {Value(0)}.",
        DomainCheckCode.DnsNoAnswer => $"DNS did not answer: {Value(0)}",
    };

    /// <summary>A DNS lookup that failed is a refusal of "Verify" whose one value is this result (its English is the message).</summary>
    public override string ToString() => English;

    public bool Equals(DomainCheckResult? other) => other is not null && Code == other.Code && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Code, Values.Count);

    /// <summary>The stored form, cut to fit its column by shortening the values (a DNS error's text is the only long one).</summary>
    public string Write()
    {
        var json = JsonSerializer.Serialize(this, _json);
        return json.Length <= VerifiedDomain.MaxLastCheckResultLength || Values.Count == 0
            ? json
            : (this with { Values = [.. Values.Select(v => v.Length > 100 ? v[..99] + "…" : v)] }).Write();
    }

    /// <summary>The result of a row checked since the codes; null for the English sentence of an older row (or none).</summary>
    public static DomainCheckResult? Read(string? stored)
    {
        if (stored is null || !stored.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DomainCheckResult>(stored, _json) is { Values: not null } result ? result : null;
        }
        catch (JsonException)
        {
            return null; // a code renamed since: the row's words cannot be said, and its raw form is not worth showing
        }
    }

    /// <summary>The sentence to show a reader without the portal's words (the command line): the English of either form.</summary>
    public static string? EnglishOf(string? stored) => Read(stored)?.English ?? stored;
}
