using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Snapshots;

/// <summary>What the rule engine's input takes from one organization's own rows: its facts and its seat pools (not the seats held).</summary>
internal sealed record OrganizationSnapshot(Guid Id, Guid ParentId, string Name, OrganizationPlan Plan, ParentPlan ParentPlan, ProvisioningMode Mode,
    int SettingsVersion, int RemovalGraceDays, IReadOnlyList<SeatPoolFacts> Pools);
