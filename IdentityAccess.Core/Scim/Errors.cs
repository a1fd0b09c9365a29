using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Scim;

public sealed record TooManyActiveTokens(int Limit)
    : ConflictError($"At most {Limit} SCIM tokens can be valid at once (one in use, one being rolled out). Revoke the old one first.");

public sealed record TokenNotFound() : NotFoundError("That token does not exist or was already revoked.");

/// <summary>The parent's plan has no directory sync: tokens cannot be made, SCIM requests are refused, nothing is reconciled.</summary>
public sealed record DirectorySyncNotInPlan(string ParentName, ParentPlan Plan)
    : NotAllowedError($"Directory sync (SCIM) is not included in {ParentName}'s {Plan} plan, so its directory is paused: SCIM requests are refused " +
        "and nothing is reconciled; members are kept as they are. Change the plan to Enterprise, or switch the organizations that use " +
        "directory sync to Manual or Just in time (JIT).");

public sealed record TokenRevokeNotConfirmed(string Prefix)
    : InvalidInputError("confirmation", $"Type {Prefix} to confirm: it is the directory's last token, and organizations in directory sync would stop receiving changes.");
