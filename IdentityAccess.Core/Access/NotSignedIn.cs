using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Access;

/// <summary>Nobody is signed in, or the session no longer names a person.</summary>
public sealed record NotSignedIn() : NotAllowedError("Sign in first.");
