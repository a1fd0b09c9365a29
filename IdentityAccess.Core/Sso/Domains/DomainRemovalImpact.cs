namespace IdentityAccess.Core.Sso.Domains;

/// <summary>What removing a domain would cut off, shown before it happens.</summary>
/// <param name="Members">
/// Active members of the parent's organizations with an address at the domain: the sign-in page routes them to the IdP
/// by it, and new JIT people of the domain are refused once it is gone.
/// </param>
/// <param name="DirectoryUsers">People in the parent's SCIM directory at the domain: the IdP can no longer create or change them.</param>
/// <param name="SsoEnabled">Whether anyone signs in through the IdP at all now.</param>
/// <param name="LastVerifiedDomain">No verified domain would be left, so SSO could not be turned on again without one.</param>
public sealed record DomainRemovalImpact(string Domain, DomainStatus Status, int Members, int DirectoryUsers, bool SsoEnabled, bool LastVerifiedDomain)
{
    /// <summary>A verified domain someone depends on: typed confirmation, on the server too.</summary>
    public bool NeedsTypedConfirmation => Status == DomainStatus.Verified && (Members > 0 || DirectoryUsers > 0);

    public bool IsConfirmedBy(string? typed) =>
        !NeedsTypedConfirmation || string.Equals(typed?.Trim(), Domain, StringComparison.OrdinalIgnoreCase);
}
