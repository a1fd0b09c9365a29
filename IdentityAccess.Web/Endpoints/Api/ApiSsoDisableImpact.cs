using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>What turning sign-in through the IdP off would change, as the portal's dialog shows it before it happens.</summary>
/// <param name="PeopleSigningInThroughIdp">Active members who have signed in through the IdP: the sign-in page stops sending them there.</param>
/// <param name="OrganizationsInJit">Organizations in Just in time mode: nobody new is provisioned at sign-in.</param>
/// <param name="Confirm">What to send as <c>confirm</c> to turn it off (that number), when anyone signs in through it; null otherwise.</param>
internal sealed record ApiSsoDisableImpact(int PeopleSigningInThroughIdp, IReadOnlyList<string> OrganizationsInJit, bool NeedsConfirmation, int? Confirm)
{
    public static ApiSsoDisableImpact From(SsoDisableImpact impact) => new(impact.PeopleSigningInThroughIdp, impact.OrganizationsInJit,
        impact.NeedsTypedConfirmation, impact.NeedsTypedConfirmation ? impact.PeopleSigningInThroughIdp : null);
}
