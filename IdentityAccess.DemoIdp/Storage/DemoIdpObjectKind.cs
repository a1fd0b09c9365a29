namespace IdentityAccess.DemoIdp.Storage;

public enum DemoIdpObjectKind
{
    User,
    Group,
}
