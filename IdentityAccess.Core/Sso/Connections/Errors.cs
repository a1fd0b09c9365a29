using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.Connections;

public sealed record SsoNeedsVerifiedDomain()
    : Error("Verify at least one email domain first: the sign-in page sends people to your IdP by their email domain.");

public sealed record SamlConnectionMissing() : Error("Import your IdP's metadata first.");

public sealed record SamlCustomAttributesMissing()
    : Error("With custom attribute names, give at least the email attribute, and the subject attribute unless the NameID is persistent.");
