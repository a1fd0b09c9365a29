namespace IdentityAccess.Core.Organizations;

/// <summary>The product an organization uses; it decides the roles and whether seats have tiers.</summary>
public enum Product
{
    Chat,
    Console,
}
