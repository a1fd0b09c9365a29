using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// The token a SCIM request came with: whose directory, which token (by id and shown prefix), still valid or revoked,
/// and the parent's name and plan, so the authentication step can refuse a directory the plan has paused.
/// </summary>
public sealed record ScimCaller(Guid ParentOrganizationId, Guid TokenId, string Prefix, bool IsActive, string ParentName, ParentPlan ParentPlan);
