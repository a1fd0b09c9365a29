using System.Globalization;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Web.Localization;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.Members;

/// <summary>How invitations read on screen, in the reader's language: how long they last, when they end, where their email is.</summary>
public static class InvitationLabels
{
    /// <summary>"7 days", "12 hours".</summary>
    public static string Lifetime(IStringLocalizer localizer, TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 && lifetime.TotalDays == Math.Floor(lifetime.TotalDays)
            ? localizer.Count("Invite.Days", (int)lifetime.TotalDays)
            : localizer.Count("Invite.Hours", (int)Math.Round(lifetime.TotalHours));

    /// <summary>
    /// "Expires in 7 days", "Expires in 3 hours", "Expired": relative and rounded (one just sent reads 7 days, not 6 days
    /// and 23 hours), with the exact time in <see cref="ExactExpiry"/>.
    /// </summary>
    public static string Expiry(IStringLocalizer localizer, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        return left <= TimeSpan.Zero ? localizer["Invite.Expired"]
            : left.TotalHours >= 23.5 ? localizer.Count("Invite.ExpiresInDays", Rounded(left.TotalDays))
            : left.TotalMinutes >= 59.5 ? localizer.Count("Invite.ExpiresInHours", Rounded(left.TotalHours))
            : localizer.Count("Invite.ExpiresInMinutes", Math.Max(1, Rounded(left.TotalMinutes)));
    }

    private static int Rounded(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    public static string ExactExpiry(DateTimeOffset expiresAt) => Utc(expiresAt) + " UTC";

    /// <summary>Where the latest email is, in words.</summary>
    public static string Delivery(IStringLocalizer localizer, InvitationDelivery? delivery) => delivery switch
    {
        null => localizer["Invite.Delivery.None"],
        { SentAt: { } sent } => localizer["Invite.Delivery.Sent", Utc(sent)],
        { LastError: { } error } => localizer["Invite.Delivery.Failed", error],
        _ => localizer["Invite.Delivery.InOutbox"],
    };

    /// <summary>The date and time in UTC, in ISO order with the reader's time separator.</summary>
    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);
}
