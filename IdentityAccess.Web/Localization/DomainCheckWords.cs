using IdentityAccess.Core.Sso.Domains;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// What the last check of a domain found, in the reader's language: the refusals' own words where "Verify" refuses the
/// same way (<c>Refusal.ValidationFailed.*</c>), <c>DomainCheck.*</c> for the rest. A domain checked before the codes
/// shows its English sentence as stored; DNS's own error text stays as DnsClient words it.
/// </summary>
public static class DomainCheckWords
{
    /// <summary>The stored result in words: a code's sentence, or an older row's text as it is.</summary>
    public static string? DomainCheck(this IStringLocalizer localizer, string? stored) =>
        DomainCheckResult.Read(stored) is { } result ? localizer.DomainCheck(result) : stored;

    public static string DomainCheck(this IStringLocalizer localizer, DomainCheckResult result) => result.Code switch
    {
        DomainCheckCode.Found => localizer["DomainCheck.Found"],
        DomainCheckCode.TxtRecordMissing => localizer["Refusal.ValidationFailed.DomainTxtRecordMissing", result.Value(0)],
        DomainCheckCode.TxtRecordDifferent => localizer["Refusal.ValidationFailed.DomainTxtRecordDifferent", Count(result.Value(0)), result.Value(1), result.Value(2)],
        DomainCheckCode.VerifiedElsewhere => localizer["Refusal.ValidationFailed.DomainFoundButVerifiedElsewhere"],
        DomainCheckCode.DomainDoesNotExist => localizer["DomainCheck.DomainDoesNotExist", result.Value(0)],
        DomainCheckCode.DnsError => localizer["DomainCheck.DnsError", result.Value(0)],
        DomainCheckCode.DnsNoAnswer => localizer["DomainCheck.DnsNoAnswer", result.Value(0)],
    };

    private static string Count(string stored) =>
        int.TryParse(stored, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? PortalStrings.Number(n) : stored;
}
