using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.SpKeys;

public sealed record SpKeyNextExists()
    : ConflictError("A next key is already published. Make it current, or retire it, before preparing another.");

public sealed record SpKeyNoNext() : ConflictError("There is no next key to make current. Prepare one first, and give the IdP the new metadata.");

public sealed record SpKeyPreviousExists()
    : ConflictError("The previous key is still kept for decryption. Retire it first: an IdP may still use it, so check the IdP uses the current key.");

public sealed record SpKeyCurrentCannotBeRetired() : ConflictError("The current key cannot be retired. Prepare a next key and make it current first.");

public sealed record SpKeyNotFound() : NotFoundError("That key does not exist (any more).");
