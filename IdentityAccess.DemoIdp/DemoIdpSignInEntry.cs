namespace IdentityAccess.DemoIdp;

/// <summary>A parent that signs people in through the demo IdP, and the tenant (email domain) its connection uses.</summary>
public sealed record DemoIdpSignInEntry(Guid ParentId, string ParentName, string? Tenant);
