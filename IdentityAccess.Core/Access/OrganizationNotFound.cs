using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Access;

/// <summary>No such organization; one the person may not even see is indistinguishable from it.</summary>
public sealed record OrganizationNotFound() : NotFoundError("This organization does not exist.");
