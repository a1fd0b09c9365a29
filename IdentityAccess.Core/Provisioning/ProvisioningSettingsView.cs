using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What the settings page shows: saved settings, the groups to pick from, who may be break-glass owner, and the first of
/// the people known to the IdP who are not members (<see cref="AssignedButNotMembersCount"/> says how many in all).
/// </summary>
public sealed record ProvisioningSettingsView(
    OrganizationFacts Organization,
    ProvisioningDraft Saved,
    IReadOnlyList<ModeAvailability> Modes,
    IReadOnlyList<DirectoryGroupOption> Groups,
    IReadOnlyList<PersonOption> TopRoleMembers,
    int AssignedDirectoryUsers,
    IReadOnlyList<PersonOutcome> AssignedButNotMembers,
    int AssignedButNotMembersCount);

/// <summary>A directory group by immutable key, with its current name and size.</summary>
public sealed record DirectoryGroupOption(string Key, string DisplayName, int MemberCount);

public sealed record PersonOption(Guid PersonId, string DisplayName, string Email);
