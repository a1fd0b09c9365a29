namespace IdentityAccess.DemoIdp.Storage;

public sealed class DemoIdpGroupMember
{
    public Guid GroupId { get; init; }

    public Guid PersonId { get; init; }
}
