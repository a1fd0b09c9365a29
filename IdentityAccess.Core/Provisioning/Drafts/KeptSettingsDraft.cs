namespace IdentityAccess.Core.Provisioning.Drafts;

/// <summary>
/// A person's kept draft as read back: <see cref="Draft"/>'s <see cref="ProvisioningDraft.BaseVersion"/> is the version
/// it started from; <see cref="SavedVersion"/> is what is saved now.
/// </summary>
public sealed record KeptSettingsDraft(ProvisioningDraft Draft, int SavedVersion, DateTimeOffset UpdatedAt)
{
    /// <summary>Someone saved the settings after this draft was started: its review compares with what is saved now.</summary>
    public bool SavedSinceStarted => Draft.BaseVersion != SavedVersion;
}
