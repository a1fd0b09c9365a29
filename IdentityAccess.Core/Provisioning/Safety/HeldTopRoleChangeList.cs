namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>An organization's open held top-role changes, and whether the person reading them may decide on them.</summary>
public sealed record HeldTopRoleChangeList(IReadOnlyList<HeldTopRoleChangeView> Items, bool CanResolve);
