using System.Globalization;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Components.Shared;
using IdentityAccess.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace IdentityAccess.Web.Components.DirectorySync;

/// <summary>How the directory sync pages word and colour times and HTTP statuses, in the reader's language.</summary>
public static class DirectorySyncLabels
{
    /// <summary>The section of <c>/orgs/{id}/directory-sync</c>, the provisioning log page.</summary>
    public const string Section = "directory-sync";

    public static string LogUrl(Guid organizationId) => $"/orgs/{organizationId}/{Section}";

    // Sync now's two messages are asked for by the Identity and access and the Members pages on lines that also show Core's
    // refusals: they keep their shape, and the words come from the portal's resources in the UI culture of the moment
    // (the circuit's), as the localizer the pages inject reads them.
    private static IStringLocalizer L { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Portal));

    /// <summary>What a finished Sync now says, wherever it was pressed.</summary>
    public static string SyncNowFinished(int changed) => L.Count("SyncLog.SyncNowFinished", changed);

    /// <summary>A Sync now that failed on the server: one transaction, so nothing changed; the details are in the log.</summary>
    public static string SyncNowFailed => L["SyncLog.SyncNowFailed"];

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

    public static string Ago(IStringLocalizer localizer, DateTimeOffset then, DateTimeOffset now)
    {
        var elapsed = now - then;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => localizer["SyncLog.JustNow"],
            { TotalHours: < 1 } => localizer["SyncLog.MinutesAgo", PortalStrings.Number((int)elapsed.TotalMinutes)],
            { TotalDays: < 2 } => localizer["SyncLog.HoursAgo", PortalStrings.Number((int)elapsed.TotalHours)],
            _ => localizer.Count("SyncLog.DaysAgo", (int)elapsed.TotalDays),
        };
    }

    /// <summary>The time in UTC to the second, as a tooltip beside "… ago".</summary>
    public static string Utc(IStringLocalizer localizer, DateTimeOffset at) => LogTimes.SecondUtc(localizer, at);

    public static string Duration(IStringLocalizer localizer, TimeSpan span) =>
        span.TotalHours < 1 ? localizer["SyncLog.Minutes", PortalStrings.Number((int)span.TotalMinutes)]
        : span.TotalDays < 2 ? localizer["SyncLog.Hours", PortalStrings.Number((int)span.TotalHours)]
        : localizer.Count("SyncLog.Days", (int)span.TotalDays);

    public static Color StatusColor(int status) => status switch
    {
        < 300 => Color.Success,
        429 => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>E.g. "201 Created", "429 Too many requests": the code, and its meaning in the reader's language.</summary>
    public static string Status(IStringLocalizer localizer, int status) => status switch
    {
        200 => localizer["SyncLog.Status.Ok"],
        201 => localizer["SyncLog.Status.Created"],
        204 => localizer["SyncLog.Status.NoContent"],
        400 => localizer["SyncLog.Status.BadRequest"],
        401 => localizer["SyncLog.Status.Unauthorized"],
        403 => localizer["SyncLog.Status.Forbidden"],
        404 => localizer["SyncLog.Status.NotFound"],
        409 => localizer["SyncLog.Status.Conflict"],
        413 => localizer["SyncLog.Status.TooLarge"],
        429 => localizer["SyncLog.Status.TooManyRequests"],
        499 => localizer["SyncLog.Status.ClientClosed"],
        500 => localizer["SyncLog.Status.ServerError"],
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The statuses the log's filter offers.</summary>
    public static IReadOnlyList<int> FilterStatuses { get; } = [200, 201, 204, 400, 401, 403, 404, 409, 413, 429, 500];
}
