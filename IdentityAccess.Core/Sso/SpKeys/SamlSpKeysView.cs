namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>The parent's SP keys (current, next and previous of each use) and whether its AuthnRequests are signed.</summary>
public sealed record SamlSpKeysView(IReadOnlyList<SamlSpKeyView> Keys, bool SignAuthnRequests, bool HasConnection);
