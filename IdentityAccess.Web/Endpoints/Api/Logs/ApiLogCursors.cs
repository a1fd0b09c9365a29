using System.Buffers.Text;
using System.Globalization;
using System.Text;
using IdentityAccess.Core.Audit;

namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>
/// The logs' opaque cursors. Unlike the members list's position, they hold where the reader stopped in the log's own
/// order (newest first), so entries logged while a script pages never repeat or skip one. Callers pass back what they
/// were given; anything else is refused.
/// </summary>
internal static class ApiLogCursors
{
    private const string AuditVersion = "a1:";

    private const string ProvisioningVersion = "p1:";

    public static string Encode(AuditLogPosition position) =>
        Wrap(string.Create(CultureInfo.InvariantCulture, $"{AuditVersion}{position.OccurredAt.UtcTicks}:{position.SeenAtThatTime}"));

    public static string Encode(long belowRowId) => Wrap(string.Create(CultureInfo.InvariantCulture, $"{ProvisioningVersion}{belowRowId}"));

    /// <summary>False for a cursor this API did not make; <paramref name="position"/> is null without one.</summary>
    public static bool TryDecodeAudit(string? cursor, out AuditLogPosition? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        var parts = Unwrap(cursor, AuditVersion)?.Split(':');
        if (parts is not [var ticksText, var seenText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !int.TryParse(seenText, NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
        {
            return false;
        }

        position = new AuditLogPosition(new DateTimeOffset(ticks, TimeSpan.Zero), seen);
        return true;
    }

    /// <summary>False for a cursor this API did not make; <paramref name="belowRowId"/> is null without one.</summary>
    public static bool TryDecodeProvisioning(string? cursor, out long? belowRowId)
    {
        belowRowId = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (!long.TryParse(Unwrap(cursor, ProvisioningVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        belowRowId = id;
        return true;
    }

    private static string Wrap(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string? Unwrap(string cursor, string version)
    {
        if (cursor.Length > 96 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(version, StringComparison.Ordinal) ? text[version.Length..] : null;
    }
}
