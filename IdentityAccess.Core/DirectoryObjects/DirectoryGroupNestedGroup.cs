namespace IdentityAccess.Core.DirectoryObjects;

/// <summary>
/// A group the IdP sent as a member of another group. It is not a member (only direct users count, as with Entra's
/// own provisioning), but it is remembered, so the portal can flag the group: its IdP-side members may be more.
/// </summary>
public sealed class DirectoryGroupNestedGroup
{
    public Guid GroupId { get; init; }

    public Guid NestedGroupId { get; init; }
}
