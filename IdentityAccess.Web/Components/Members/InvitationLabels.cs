using System.Globalization;
using IdentityAccess.Core.Members.Invitations;

namespace IdentityAccess.Web.Components.Members;

/// <summary>How invitations read on screen: how long they last, when they end, where their email is.</summary>
public static class InvitationLabels
{
    /// <summary>"7 days", "12 hours".</summary>
    public static string Lifetime(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 && lifetime.TotalDays == Math.Floor(lifetime.TotalDays) ? Plural((int)lifetime.TotalDays, "day") : Plural((int)Math.Round(lifetime.TotalHours), "hour");

    /// <summary>
    /// "Expires in 7 days", "Expires in 3 hours", "Expired": relative and rounded (one just sent reads 7 days, not 6 days
    /// and 23 hours), with the exact time in <see cref="ExactExpiry"/>.
    /// </summary>
    public static string Expiry(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        return left <= TimeSpan.Zero ? "Expired"
            : left.TotalHours >= 23.5 ? $"Expires in {Plural(Rounded(left.TotalDays), "day")}"
            : left.TotalMinutes >= 59.5 ? $"Expires in {Plural(Rounded(left.TotalHours), "hour")}"
            : $"Expires in {Plural(Math.Max(1, Rounded(left.TotalMinutes)), "minute")}";
    }

    private static int Rounded(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    public static string ExactExpiry(DateTimeOffset expiresAt) =>
        expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Where the latest email is, in words.</summary>
    public static string Delivery(InvitationDelivery? delivery) => delivery switch
    {
        null => "No email found",
        { SentAt: { } sent } => "Emailed " + sent.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
        { LastError: { } error } => $"Not sent yet: the mail server refused it ({error}); trying again",
        _ => "Not sent: in the outbox (no mail server configured yet). Pass the link on yourself:",
    };

    private static string Plural(int count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")}";
}
