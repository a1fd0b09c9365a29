using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// A parent's directory paused by a plan without directory sync, as an organization's Identity and access page explains it.
/// </summary>
/// <param name="OrganizationMode">This organization's saved mode: still directory sync, or already Manual/JIT.</param>
/// <param name="OrganizationsOnDirectorySync">The parent's organizations still in directory-sync mode, by name.</param>
/// <param name="DirectoryUsers">People in the directory, whose memberships are kept as they are while it is paused.</param>
public sealed record DirectoryPause(
    string ParentName,
    ParentPlan Plan,
    string OrganizationName,
    ProvisioningMode OrganizationMode,
    IReadOnlyList<string> OrganizationsOnDirectorySync,
    int DirectoryUsers,
    int ValidTokens);
