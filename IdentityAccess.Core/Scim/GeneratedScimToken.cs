namespace IdentityAccess.Core.Scim;

/// <summary>A new token: <see cref="Secret"/> is shown to the owner this once and never stored.</summary>
public sealed record GeneratedScimToken(Guid Id, string Secret, string Prefix);
