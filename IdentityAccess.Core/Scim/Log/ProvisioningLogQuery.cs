using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// A page of a directory's provisioning log, newest first: every row, only failures, or one status; optionally one
/// channel (SCIM requests or SSO sign-ins) and a date range. The page and the export filter alike.
/// </summary>
public sealed record ProvisioningLogQuery(bool ErrorsOnly = false, int? Status = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 200;

    public ProvisioningLogChannel? Channel { get; init; }

    public LogPeriod Period { get; init; } = LogPeriod.All;

    internal IQueryable<ProvisioningLogEntry> Apply(IQueryable<ProvisioningLogEntry> entries)
    {
        if (ErrorsOnly)
        {
            entries = entries.Where(e => e.Status >= 400);
        }

        if (Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }

        if (Channel is { } channel)
        {
            entries = entries.Where(e => e.Channel == channel);
        }

        if (Period.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (Period.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        return entries;
    }
}
