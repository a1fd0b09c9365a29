namespace IdentityAccess.Core.Audit;

/// <summary>A page of one organization's audit log, newest first, optionally narrowed by text.</summary>
public sealed record AuditQuery(string? Search = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 200;
}
