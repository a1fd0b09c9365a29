using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Members.Invitations;

// One record per reason an invitation cannot be used or changed; each message says what to do instead.

/// <summary>
/// Unknown, already used, revoked or expired: one answer for all, so a link cannot be used to learn which invitations
/// exist or what became of them.
/// </summary>
public sealed record InvitationLinkNotValid()
    : NotFoundError("This invitation link does not work: it was already used, withdrawn, or it expired. Ask the person who invited you to send a new one.");

public sealed record InvitationForSomeoneElse(string InvitedEmail, string SignedInEmail)
    : NotAllowedError($"This invitation is for {InvitedEmail}; you are signed in as {SignedInEmail}. Sign out, then sign in as {InvitedEmail} to accept it.");

/// <summary>Resend or revoke of an invitation that was accepted, withdrawn or expired meanwhile, or belongs to another organization.</summary>
public sealed record InvitationNotPending()
    : NotFoundError("This invitation is no longer pending: it was accepted, withdrawn or it expired. Reload the page.");
