namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>One SP key as the SSO panel lists it; never the private key.</summary>
public sealed record SamlSpKeyView(Guid Id, SamlSpKeyUse Use, SamlSpKeyStatus Status, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset NotAfter);
