namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>What happens to one person; one person can have several (demoted and moved to another tier).</summary>
public enum ChangeKind
{
    Provision,
    Deprovision,
    Promote,
    Demote,
    TierChange,
    BecomePending,
    Admit,
    Suspend,
    Restore,
    BlockSignIn,
}
