using System.Security.Claims;

namespace IdentityAccess.Web.Auth;

internal static class ClaimsPrincipalExtensions
{
    public static Guid? GetPersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaims.PersonId), out var id) ? id : null;

    public static Guid? GetSessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaims.SessionId), out var id) ? id : null;
}
