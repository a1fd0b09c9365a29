using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Scim;

public sealed record TooManyActiveTokens(int Limit)
    : ConflictError($"At most {Limit} SCIM tokens can be valid at once (one in use, one being rolled out). Revoke the old one first.");

public sealed record TokenNotFound() : NotFoundError("That token does not exist or was already revoked.");
