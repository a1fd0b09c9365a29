namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>What the rules want for a person before seats are counted.</summary>
internal enum TargetKind
{
    /// <summary>Leave the membership exactly as it is (manual decisions, break-glass owner).</summary>
    KeepAsIs,

    /// <summary>A member with a seat, or pending one when none is free.</summary>
    Member,

    LoginBlocked,
    Suspended,
    Removed,
    NotMember,
}
