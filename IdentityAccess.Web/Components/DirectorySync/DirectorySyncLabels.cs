using System.Globalization;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Components.Shared;
using MudBlazor;

namespace IdentityAccess.Web.Components.DirectorySync;

/// <summary>How the directory sync pages word and colour times and HTTP statuses.</summary>
public static class DirectorySyncLabels
{
    /// <summary>The section of <c>/orgs/{id}/directory-sync</c>, the provisioning log page.</summary>
    public const string Section = "directory-sync";

    public static string LogUrl(Guid organizationId) => $"/orgs/{organizationId}/{Section}";

    /// <summary>What a finished Sync now says, wherever it was pressed.</summary>
    public static string SyncNowFinished(int changed) => $"Sync finished: {Core.Common.Counted.Of(changed, "membership change")}.";

    /// <summary>A Sync now that failed on the server: one transaction, so nothing changed; the details are in the log.</summary>
    public const string SyncNowFailed =
        "Sync now could not finish, so nothing was changed. Try again in a moment; if it keeps failing, the server log has the details.";

    /// <summary>A channel as <c>?channel=</c> takes it and as the exports write it, so an exported row's channel filters again.</summary>
    public static string ChannelWord(ProvisioningLogChannel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>The export of what the log page shows, e.g. <c>/orgs/…/directory-sync/log.json?channel=sso&amp;from=…</c>.</summary>
    public static string ExportUrl(Guid organizationId, ProvisioningLogQuery filter, string format)
    {
        var query = new List<string>();
        if (filter.ErrorsOnly)
        {
            query.Add("errorsOnly=true");
        }

        LogExportLinks.Add(query, "status", filter.Status?.ToString(CultureInfo.InvariantCulture));
        LogExportLinks.Add(query, "channel", filter.Channel is { } channel ? ChannelWord(channel) : null);
        LogExportLinks.AddPeriod(query, filter.Period);
        return LogExportLinks.Url($"/orgs/{organizationId}/{Section}/log.{format}", query);
    }

    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var elapsed = now - then;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalDays: < 2 } => $"{(int)elapsed.TotalHours} h ago",
            _ => $"{(int)elapsed.TotalDays} days ago",
        };
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Duration(TimeSpan span) => span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : span.TotalDays < 2 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalDays} days";

    public static Color StatusColor(int status) => status switch
    {
        < 300 => Color.Success,
        429 => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>E.g. "201 Created", "429 Too many requests".</summary>
    public static string Status(int status) => status switch
    {
        200 => "200 OK",
        201 => "201 Created",
        204 => "204 No content",
        400 => "400 Bad request",
        401 => "401 Unauthorized",
        403 => "403 Forbidden",
        404 => "404 Not found",
        409 => "409 Conflict",
        413 => "413 Too large",
        429 => "429 Too many requests",
        499 => "499 Client closed",
        500 => "500 Server error",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The statuses the log's filter offers.</summary>
    public static IReadOnlyList<int> FilterStatuses { get; } = [200, 201, 204, 400, 401, 403, 404, 409, 413, 429, 500];
}
