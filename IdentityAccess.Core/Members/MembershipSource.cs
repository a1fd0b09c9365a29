namespace IdentityAccess.Core.Members;

/// <summary>Who granted a membership. Sync only ever takes away what sync granted.</summary>
public enum MembershipSource
{
    Manual,
    Jit,
    Scim,
}
