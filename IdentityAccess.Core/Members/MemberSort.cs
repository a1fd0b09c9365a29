namespace IdentityAccess.Core.Members;

public enum MemberSort
{
    Name,
    Email,
    Role,
    Status,
    Joined,
}
