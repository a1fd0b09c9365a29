namespace IdentityAccess.DemoIdp.Push;

/// <summary>A parent a push can go to, and its verified domains: the demo IdP tenants it receives.</summary>
public sealed record DemoIdpPushTarget(Guid ParentId, string Name, IReadOnlyList<string> Domains);
