using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Connections;

public sealed record SsoNeedsVerifiedDomain()
    : ConflictError("Verify at least one email domain first: the sign-in page sends people to your IdP by their email domain.");

public sealed record SamlConnectionMissing() : ConflictError("Import your IdP's metadata first.");

public sealed record SamlCustomAttributesMissing()
    : InvalidInputError("attributes", "With custom attribute names, give at least the email attribute, and the subject attribute unless the NameID is persistent.");

public sealed record SamlAttributeNameInvalid(string Field, string Reason) : InvalidInputError(Field, Reason);

public sealed record SsoDisableNotConfirmed(int People)
    : InvalidInputError("confirmation", $"Type {People} to confirm: that many people sign in through this IdP today.");
