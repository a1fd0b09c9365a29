namespace IdentityAccess.Core.Demo.Idp;

public enum DemoIdpObjectKind
{
    User,
    Group,
}
