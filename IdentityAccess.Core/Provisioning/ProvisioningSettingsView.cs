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
/// People known to the IdP (assigned, waiting for a seat, or signed in through SSO) who are not members: one page of
/// them by email (from <see cref="Query"/>'s skip), evaluated for their reasons, and <see cref="Count"/> in all with
/// the query's search applied.
/// </summary>
public sealed record AssignedButNotMembers(IReadOnlyList<PersonOutcome> People, int Count)
{
    /// <summary>What was asked: the first page of everyone unless said otherwise.</summary>
    public NotMembersQuery Query { get; init; } = NotMembersQuery.FirstPage;

    public bool HasPrevious => Query.Skip > 0;

    public bool HasNext => Query.Skip + NotMembersQuery.PageSize < Count;

    /// <summary>Those after this page's rows.</summary>
    public int After => Math.Max(0, Count - Query.Skip - People.Count);
}

/// <summary>A directory group by immutable key, with its current name and size.</summary>
public sealed record DirectoryGroupOption(string Key, string DisplayName, int MemberCount);

public sealed record PersonOption(Guid PersonId, string DisplayName, string Email);
