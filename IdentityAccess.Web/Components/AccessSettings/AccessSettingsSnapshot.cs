using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// What the Identity and access page reads before it can draw its settings. Read while the page is prerendered, so
/// the first response shows them, and carried into the interactive render as persistent component state (JSON in the
/// page, protected by the server), so the circuit does not read it again. Each part came from a Core service that
/// checked the acting person's permission; a snapshot is taken only for the organization and person it was read for.
/// </summary>
public sealed record AccessSettingsSnapshot(
    Guid OrganizationId,
    Guid PersonId,
    ProvisioningSettingsView? View,
    IReadOnlyList<StagedRemovalView> Staged,
    SyncStatusSnapshot? SyncStatus,
    string? ManageRefusal)
{
    public bool IsFor(Guid organizationId, Guid personId) => OrganizationId == organizationId && PersonId == personId;
}

/// <summary><see cref="DirectorySyncStatus"/> as JSON can restore it: a set of keys travels as a list.</summary>
public sealed record SyncStatusSnapshot(DateTimeOffset Now, IReadOnlyList<TokenSyncHealth> Tokens, int RevokedTokenRequestsLastDay, IReadOnlyList<string> NestedGroupKeys)
{
    public static SyncStatusSnapshot? From(DirectorySyncStatus? status) =>
        status is null ? null : new(status.Now, status.Tokens, status.RevokedTokenRequestsLastDay, [.. status.NestedGroupKeys]);

    public DirectorySyncStatus ToStatus() => new(Now, Tokens, RevokedTokenRequestsLastDay, NestedGroupKeys.ToHashSet(StringComparer.Ordinal));
}
