using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>One organization of the parent and its provisioning mode: whether a sign-in provisions there.</summary>
public sealed record ParentOrganizationMode(Guid Id, string Name, ProvisioningMode Mode);
