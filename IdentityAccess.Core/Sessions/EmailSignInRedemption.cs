using IdentityAccess.Core.Common;
using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Sessions;

/// <summary>A redeemed link: the person to sign in and the local path to go on to; or why not.</summary>
public sealed record EmailSignInRedemption(Person? Person, string ReturnUrl, Error? Refusal);
