using System.Security.Claims;
using IdentityAccess.Core.People;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// Entra says who the person is; IdentityAccess decides what they may do. The portal session carries our person,
/// found by the email Entra signed for, and none of Entra's own claims.
/// </summary>
internal static class EntraPersonLink
{
    public sealed record Result(ClaimsPrincipal? Principal, string Failure);

    public static async Task<Result> LinkAsync(ClaimsPrincipal? entraUser, PersonLookup people, CancellationToken cancellationToken)
    {
        // Entra puts the sign-in name in preferred_username; "email" only when the optional claim is configured.
        var email = entraUser?.FindFirst("preferred_username")?.Value ?? entraUser?.FindFirst(ClaimTypes.Email)?.Value
            ?? entraUser?.FindFirst("email")?.Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            return new(null, "Microsoft Entra ID did not send an email address for this account.");
        }

        var person = await people.FindByEmailAsync(email, cancellationToken);
        return person is null
            ? new(null, $"{email} is not a member of any organization here. Ask an owner to add you.")
            : new(PortalPrincipal.For(person, "entra"), "");
    }
}
