namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>Why a group name cannot be used (<see cref="GroupNameMatching.Unusable"/>).</summary>
public enum GroupNameProblem
{
    Blank,
    TooLong,
    ControlCharacters,
    TooLongNormalized,
}
