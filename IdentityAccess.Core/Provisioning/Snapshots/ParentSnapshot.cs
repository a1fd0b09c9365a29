using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Provisioning.Snapshots;

/// <summary>
/// What every reconcile of a parent's directory and every SSO sign-in reads and rarely changes: verified domains, the
/// organizations (in id order: the lock order) with their saved settings and seat pools, the group names. Immutable;
/// shared by concurrent readers.
/// </summary>
internal sealed record ParentSnapshot(Guid ParentId, ParentStamps Stamps, ParentDomains Domains, IReadOnlyList<OrganizationSnapshot> Organizations,
    IReadOnlyDictionary<Guid, ProvisioningDraft> SavedSettings, IReadOnlyDictionary<string, string> GroupNames)
{
    public ParentPlan Plan => Stamps.Plan;

    /// <summary>The organizations in directory sync, in id order.</summary>
    public IReadOnlyList<OrganizationSnapshot> DirectorySyncOrganizations { get; } = [.. Organizations.Where(o => o.Mode == ProvisioningMode.Scim)];
}
