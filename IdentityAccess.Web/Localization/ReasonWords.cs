using System.Globalization;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The rule engine's reasons in the reader's language: the one place an <see cref="OutcomeReason"/> becomes words on
/// screen ("Why this role?", the what-if, the review, "Known to your IdP, not members"). Core keeps its English
/// <see cref="OutcomeReason.Text"/> for the audit trail and the logs; here each <see cref="ReasonCode"/> has its key
/// <c>Reason.&lt;Code&gt;</c>, filled with the reason's values: group, role, tier and organization names as they are,
/// days as yyyy-MM-dd as the members page writes them, numbers grouped for the reader.
/// </summary>
public static class ReasonWords
{
    public static string Reason(this IStringLocalizer localizer, OutcomeReason reason)
    {
        var a = reason.Arguments.Select(argument => Value(localizer, argument)).ToArray();
        // One key per code, filled with the reason's values; only the grace period's day count needs a plural.
        return reason.Code == ReasonCode.DeactivatedRemoved
            ? localizer.Count("Reason.DeactivatedRemoved", (int)reason.Arguments[0]!, a[1])
            : localizer[KeyOf(reason.Code), a];
    }

    /// <summary>The resource key of a reason's words (the plural pair's stem for <see cref="ReasonCode.DeactivatedRemoved"/>).</summary>
    public static string KeyOf(ReasonCode code) => $"Reason.{code}";

    private static object Value(IStringLocalizer localizer, object? argument) => argument switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int number => PortalStrings.Number(number),
        IEnumerable<OutcomeReason> asked => string.Join(" ", asked.Select(r => localizer.Reason(r))),
        _ => argument,
    };
}
