using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Metadata;

public sealed record MetadataUrlInvalid(string Detail) : InvalidInputError("metadataUrl", $"The metadata URL is not usable: {Detail}");

public sealed record MetadataFetchFailed(string Detail) : InvalidInputError("metadataUrl", $"The metadata could not be fetched: {Detail}");
