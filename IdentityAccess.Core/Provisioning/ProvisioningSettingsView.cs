using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// What the settings page shows: saved settings, the groups to pick from, who may be break-glass owner, and how many
/// people the directory assigns.
/// </summary>
public sealed record ProvisioningSettingsView(
    ProvisioningDraft Saved,
    IReadOnlyList<ModeAvailability> Modes,
    IReadOnlyList<DirectoryGroupOption> Groups,
    IReadOnlyList<PersonOption> TopRoleMembers,
    int AssignedDirectoryUsers);

/// <summary>
/// People known to the IdP (assigned, waiting for a seat, or signed in through SSO) who are not members: the first of
/// them by email, evaluated for their reasons, and <see cref="Count"/> in all.
/// </summary>
public sealed record AssignedButNotMembers(IReadOnlyList<PersonOutcome> People, int Count);

/// <summary>A directory group by immutable key, with its current name and size.</summary>
public sealed record DirectoryGroupOption(string Key, string DisplayName, int MemberCount);

public sealed record PersonOption(Guid PersonId, string DisplayName, string Email);
