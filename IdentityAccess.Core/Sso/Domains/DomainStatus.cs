namespace IdentityAccess.Core.Sso.Domains;

public enum DomainStatus
{
    /// <summary>Added; waiting for its DNS TXT record to be found.</summary>
    Pending,

    /// <summary>The TXT record was found: people with this email domain sign in through this parent's IdP.</summary>
    Verified,
}
