namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// Where a key is in its rotation. Published in the SP metadata: Next and Current. Decrypts: all three, so an IdP that
/// already encrypts to the next key, or still to the previous one, keeps working. Retiring a key deletes it.
/// </summary>
public enum SamlSpKeyStatus
{
    /// <summary>Published so IdPs can take it up; not yet used to sign.</summary>
    Next,

    /// <summary>Published; signs requests; decrypts.</summary>
    Current,

    /// <summary>Replaced by the next key; no longer published, still decrypts until retired.</summary>
    Previous,
}
