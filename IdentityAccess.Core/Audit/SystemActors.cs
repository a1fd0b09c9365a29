namespace IdentityAccess.Core.Audit;

/// <summary>
/// The names the product's own paths act under (<see cref="AuditActor.System"/>), stored in audit entries and in held
/// and staged changes as they are here. One list, so the portal can say each in the reader's language and a test can
/// tell when a new one has no words.
/// </summary>
public static class SystemActors
{
    public const string DirectorySync = "Directory sync (SCIM)";
    public const string ScheduledReconcile = "Scheduled reconcile";
    public const string RemovalGracePeriod = "Removal grace period";
    public const string SyncNow = "Sync now";
    public const string HeldChangesApplied = "Held changes applied after review";
    public const string SamlSignIn = "SAML sign-in";
    public const string MetadataRefresh = "Metadata refresh";
    public const string OperatorCommandLine = "Operator command line";
    public const string InvitationExpiry = "Invitation expiry";
    public const string SamlSpKeys = "SAML SP keys";

    public static IReadOnlyList<string> All { get; } =
    [
        DirectorySync, ScheduledReconcile, RemovalGracePeriod, SyncNow, HeldChangesApplied, SamlSignIn, MetadataRefresh,
        OperatorCommandLine, InvitationExpiry, SamlSpKeys,
    ];
}
