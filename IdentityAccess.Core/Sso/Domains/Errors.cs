using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Domains;

public sealed record DomainAlreadyListed(string Domain) : ConflictError($"{Domain} is already in the list.");

public sealed record DomainVerifiedElsewhere(string Domain)
    : ConflictError($"{Domain} is verified by another organization. Ask its owner to remove it first.");

public sealed record DomainNotListed() : NotFoundError("This domain is not in the list any more.");

/// <summary>Removing a verified domain people sign in through is confirmed by typing it, as a large removal is by typing its count.</summary>
public sealed record DomainRemovalNotConfirmed(string Domain)
    : InvalidInputError("confirmation", $"Type {Domain} to confirm: people sign in through this domain and would lose that way in.");
