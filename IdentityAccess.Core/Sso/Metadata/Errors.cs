using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Metadata;

public sealed record MetadataUrlInvalid(string Detail) : InvalidInputError("metadataUrl", $"The metadata URL is not usable: {Detail}");

public sealed record MetadataFetchFailed(string Detail) : InvalidInputError("metadataUrl", $"The metadata could not be fetched: {Detail}");

public sealed record MetadataSourceMissing() : ConflictError("This connection was not imported from a URL, so there is nothing to refresh. Import it from its metadata URL first.");

/// <summary>The URL now serves another IdP: switching the trusted IdP is a decision for a person, never a refresh.</summary>
public sealed record MetadataEntityChanged(string Was, string Now)
    : ConflictError($"The metadata at this URL is now for another IdP (entity ID \"{Now}\", was \"{Was}\"). Nothing was changed; if this is intended, import it again.");

public sealed record NoPreviousMetadata() : ConflictError("There is no previous metadata to roll back to.");
