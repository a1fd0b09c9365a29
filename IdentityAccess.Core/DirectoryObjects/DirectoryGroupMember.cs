namespace IdentityAccess.Core.DirectoryObjects;

/// <summary>A direct member of a directory group; nested groups are not expanded.</summary>
public sealed class DirectoryGroupMember
{
    public Guid GroupId { get; init; }

    public Guid UserId { get; init; }
}
