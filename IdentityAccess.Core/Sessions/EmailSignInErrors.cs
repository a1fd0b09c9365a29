using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sessions;

// Why an email sign-in link is not sent or does not sign in; each message says what to do instead.

/// <summary>
/// The email's domain is verified by a parent organization whose single sign-on is on: its people sign in through
/// their IdP, never by an emailed link. <see cref="ParentId"/> is where the sign-in page sends them.
/// </summary>
public sealed record UseSingleSignOn(Guid ParentId)
    : NotAllowedError("Your organization signs you in with single sign-on: continue with your identity provider.");

/// <summary>Unknown, used or expired: one answer for all.</summary>
public sealed record SignInLinkNotValid()
    : NotFoundError("This sign-in link does not work any more: each link works once, for 15 minutes. Ask for a new one on the sign-in page.");
