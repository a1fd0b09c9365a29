namespace IdentityAccess.Core.Members;

public enum MembershipStatus
{
    /// <summary>A member holding a seat.</summary>
    Active,

    /// <summary>Listed, waiting for a free seat; never a member until one is bought. Nobody is evicted for them.</summary>
    PendingSeat,

    /// <summary>
    /// JIT with advanced group mappings: in no mapped group any more, so sign-in is refused; still listed and still
    /// holding the seat until removed by hand (the help article's "cannot sign in, but stay listed").
    /// </summary>
    LoginBlocked,

    /// <summary>Sign-in blocked and seat freed, history kept (SCIM active=false, or JIT with no group access).</summary>
    Suspended,

    /// <summary>No longer a member; the row stays for the audit trail and so a return keeps the same person.</summary>
    Removed,

    /// <summary>
    /// Invited by hand and not accepted yet: listed, holding the seat the invitation reserved, not able to use the
    /// organization until the invited person accepts (signed in with that email). A revoked or expired invitation
    /// makes it <see cref="Removed"/>.
    /// </summary>
    Invited,
}
