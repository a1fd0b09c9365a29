namespace IdentityAccess.Core.Scim.Log;

public sealed record ProvisioningLogPage(IReadOnlyList<ProvisioningLogEntry> Items, int TotalCount);
