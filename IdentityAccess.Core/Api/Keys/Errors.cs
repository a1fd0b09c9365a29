using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Api.Keys;

public sealed record ApiKeyNameInvalid(int MaxLength) : InvalidInputError("name", $"Name the key (at most {MaxLength} characters), so you can tell what uses it.");

public sealed record ApiKeyExpiryInPast() : InvalidInputError("expiresAt", "Choose an expiry date in the future, or none.");

public sealed record ApiKeyOrganizationNotInParent() : InvalidInputError("organizations", "Choose organizations of this parent organization only.");

public sealed record ApiKeyNotFound() : NotFoundError("This API key does not exist or was already revoked.");
