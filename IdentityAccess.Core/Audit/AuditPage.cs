namespace IdentityAccess.Core.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int TotalCount);
