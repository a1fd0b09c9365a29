using IdentityAccess.Core.Sso.Domains;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>What removing a domain would cut off, as the portal's removal dialog shows it before it happens.</summary>
/// <param name="Members">Active members of the parent's organizations with an address at the domain: no longer sent to the IdP by it.</param>
/// <param name="DirectoryUsers">People of the parent's SCIM directory at the domain: the IdP can no longer create or change them.</param>
/// <param name="SsoEnabled">Whether anyone signs in through the IdP now.</param>
/// <param name="LastVerifiedDomain">No verified domain would be left, so SSO could not be turned on again without one.</param>
/// <param name="Confirm">What to send as <c>confirm</c> to remove it (the domain's name), when the removal needs it; null otherwise.</param>
internal sealed record ApiDomainRemovalImpact(string Domain, string Status, int Members, int DirectoryUsers, bool SsoEnabled, bool LastVerifiedDomain,
    bool NeedsConfirmation, string? Confirm)
{
    public static ApiDomainRemovalImpact From(DomainRemovalImpact impact) => new(impact.Domain, impact.Status.ToString(), impact.Members,
        impact.DirectoryUsers, impact.SsoEnabled, impact.LastVerifiedDomain, impact.NeedsTypedConfirmation,
        impact.NeedsTypedConfirmation ? impact.Domain : null);
}
