using System.Text;
using System.Text.RegularExpressions;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Keeps secrets out of the log: the parts of a request line or an error detail that mention a password, or carry
/// something shaped like a token, are replaced. Bodies and headers are never logged at all.
/// </summary>
public static partial class ProvisioningLogRedaction
{
    public const string Redacted = "[redacted]";
    public const string WithheldDetail = "(detail withheld: it may echo a secret the client sent)";

    private static readonly string[] _secretWords = ["password", "secret", ScimTokenHasher.SecretPrefix];
    private static readonly string[] _secretParameters = ["access_token", "token", "key", "code"];

    /// <summary>The path and decoded query as a person reads them, e.g. <c>/scim/v2/Users?filter=userName eq "a@b.test"</c>.</summary>
    public static string RequestLine(string path, string? query)
    {
        var line = new StringBuilder();
        line.AppendJoin('/', path.Split('/').Select(segment => IsSecret(Decode(segment)) ? Redacted : segment));
        var parameters = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i].IndexOf('=', StringComparison.Ordinal) is var at and >= 0
                ? (Decode(parameters[i][..at]), Decode(parameters[i][(at + 1)..]))
                : (Decode(parameters[i]), null);
            var secretName = IsSecret(name);
            var secretValue = secretName || (value is not null && IsSecret(value)) || _secretParameters.Contains(name, StringComparer.OrdinalIgnoreCase);
            line.Append(i == 0 ? '?' : '&').Append(secretName ? Redacted : name);
            if (value is not null)
            {
                line.Append('=').Append(secretValue ? Redacted : value);
            }
        }

        return Truncate(line.ToString(), ProvisioningLogEntry.MaxPathLength)!;
    }

    /// <summary>A SCIM error detail to keep, or a fixed text when it might echo a secret the client sent.</summary>
    public static string? Detail(string? detail) =>
        detail is null ? null : IsSecret(detail) ? WithheldDetail : Truncate(detail, ProvisioningLogEntry.MaxErrorDetailLength);

    /// <summary>
    /// A sign-in's summary or refusal detail with anything of the Response taken out: markup (an assertion, a
    /// signature element), long base64 or hex runs (a signature or digest value, an encoded Response, a session
    /// cookie's value) and what follows "Bearer" or "Cookie". Names, emails, subjects and domains stay: they say who.
    /// </summary>
    public static string? SignInDetail(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        detail = Markup().Replace(detail, Redacted);
        detail = LongEncodedRun().Replace(detail, Redacted);
        return CredentialAfterKeyword().Replace(detail, m => $"{m.Groups[1].Value} {Redacted}");
    }

    public static string? Truncate(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";

    private static bool IsSecret(string text) => _secretWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"(?s)<.*(>|$)")]
    private static partial Regex Markup();

    // 60 characters: longer than any subject an IdP sends (Entra's pairwise NameID is 43), shorter than any signature.
    [GeneratedRegex(@"[A-Za-z0-9+/=_\-]{60,}")]
    private static partial Regex LongEncodedRun();

    [GeneratedRegex(@"(?i)\b(bearer|cookie|set-cookie)\b[:=]?\s*[^\s;,]+")]
    private static partial Regex CredentialAfterKeyword();
}
