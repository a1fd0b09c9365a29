using System.Security.Claims;
using IdentityAccess.Core.People;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IdentityAccess.Web.Auth;

/// <summary>Builds the portal session's principal for a person, whatever the sign-in method.</summary>
internal static class PortalPrincipal
{
    public static ClaimsPrincipal For(Person person, string method) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
                new Claim(PortalClaims.PersonId, person.Id.ToString()),
                new Claim(ClaimTypes.Name, person.DisplayName),
                new Claim(ClaimTypes.Email, person.Email),
                new Claim(PortalClaims.SignInMethod, method),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
}
