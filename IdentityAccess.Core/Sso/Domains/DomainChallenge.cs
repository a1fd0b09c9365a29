using System.Globalization;
using System.Security.Cryptography;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Domains;

/// <summary>Domain names as owners type them, and the TXT challenge that proves control of one.</summary>
public static class DomainChallenge
{
    public const string RecordPrefix = "identityaccess-domain-verification=";

    public static string RecordValue(string challenge) => RecordPrefix + challenge;

    public static string NewChallenge() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// "Contoso.COM.", "@contoso.com" or "bücher.de" → "contoso.com" / "xn--bcher-kva.de"; null with a reason when it
    /// is not a registrable-looking domain name (one label, an IP address, bad characters).
    /// </summary>
    public static (string? Domain, Error? Error) Normalize(string? input)
    {
        var text = (input ?? "").Trim().TrimStart('@').TrimEnd('.');
        static (string?, Error?) Refuse(ValidationRule rule, params object?[] arguments) => (null, new ValidationFailed("domain", rule, arguments));
        if (text.Length == 0)
        {
            return Refuse(ValidationRule.DomainRequired);
        }

        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(text).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Refuse(ValidationRule.DomainNotValid, text);
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || ascii.Length > 253 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-')
            || !l.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            return Refuse(ValidationRule.DomainNotLikeExample, text);
        }

        return labels[^1].All(char.IsAsciiDigit) ? Refuse(ValidationRule.DomainIsIpAddress) : (ascii, null);
    }
}
