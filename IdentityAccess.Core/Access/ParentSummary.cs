using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Access;

/// <summary>What the portal shows of a parent organization around its pages.</summary>
public sealed record ParentSummary(Guid Id, string Name, ParentPlan Plan);
