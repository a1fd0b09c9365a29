using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Provisioning.Snapshots;

/// <summary>
/// What every reconcile of a parent's directory reads and rarely changes: verified domains, the organizations in
/// directory sync with their saved settings and seat pools, the group names. Immutable; shared by concurrent readers.
/// </summary>
internal sealed record ParentSnapshot(Guid ParentId, ParentStamps Stamps, ParentDomains Domains, IReadOnlyList<OrganizationSnapshot> DirectorySyncOrganizations,
    IReadOnlyDictionary<Guid, ProvisioningDraft> SavedSettings, IReadOnlyDictionary<string, string> GroupNames)
{
    public ParentPlan Plan => Stamps.Plan;
}
