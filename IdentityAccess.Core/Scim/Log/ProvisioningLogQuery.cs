namespace IdentityAccess.Core.Scim.Log;

/// <summary>A page of a directory's provisioning log, newest first: every request, only failures, or one status.</summary>
public sealed record ProvisioningLogQuery(bool ErrorsOnly = false, int? Status = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 200;

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

        return entries;
    }
}
