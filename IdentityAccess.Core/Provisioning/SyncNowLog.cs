using System.Diagnostics;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// A Sync now run as a row of the directory sync log, written in the run's own transaction: the log then shows when the
/// directory was last applied, by whom and with how many changes, beside the IdP's requests and the sign-ins.
/// </summary>
internal static class SyncNowLog
{
    public const string Method = "SYNC";

    public static ProvisioningLogEntry Entry(Guid parentId, string scope, string actorName, int changed, TimeProvider time, long startedTimestamp)
    {
        var (summary, codes) = ProvisioningLogCodes.Both([LogPhrase.Of(LogPhraseCode.SyncNow, actorName, LogPhrase.Count(changed))]);
        return new()
        {
            ParentOrganizationId = parentId,
            Channel = ProvisioningLogChannel.SyncNow,
            OccurredAt = time.GetUtcNow(),
            Method = Method,
            Path = ProvisioningLogRedaction.Truncate($"Sync now: {scope}", ProvisioningLogEntry.MaxPathLength)!,
            Status = 200,
            Summary = summary,
            TextCodes = codes,
            CorrelationId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"),
            DurationMs = (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds),
        };
    }
}
