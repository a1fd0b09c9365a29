namespace IdentityAccess.Core.Access;

/// <summary>Which of the three sentences an <see cref="AccessRefused"/> says.</summary>
public enum AccessRefusedBecause
{
    /// <summary>"You are not a member of {organization}."</summary>
    NotAMember,

    /// <summary>"This is for {who}. Your role in {organization} is {role}." (and, for identity settings, how to get the top role back)</summary>
    RoleLacksPermission,

    /// <summary>"This is for {who}. You are not an admin of the parent organization {parent}."</summary>
    NotParentAdmin,
}
