using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Access;

/// <summary>No such parent organization; one the person may not even see is indistinguishable from it.</summary>
public sealed record ParentNotFound() : NotFoundError("This parent organization does not exist.");
