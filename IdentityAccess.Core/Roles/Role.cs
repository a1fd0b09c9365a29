namespace IdentityAccess.Core.Roles;

/// <summary>Every role of every product; <see cref="RoleCatalog"/> says which belong to which product and in what order.</summary>
public enum Role
{
    Owner,
    Admin,
    Developer,
    Billing,
    ClaudeCodeUser,
    User,
}
