using System.Security.Claims;
using IdentityAccess.Core.People;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// Entra says who the person is; IdentityAccess decides what they may do. The portal session is for our person, found
/// by the email Entra signed for, and carries none of Entra's own claims.
/// </summary>
internal static class EntraPersonLink
{
    /// <param name="Failure">A <see cref="SignInMessages"/> code when no person was found.</param>
    public sealed record Result(Person? Person, string? Failure);

    public static async Task<Result> LinkAsync(ClaimsPrincipal? entraUser, PersonLookup people, CancellationToken cancellationToken)
    {
        // Entra puts the sign-in name in preferred_username; "email" only when the optional claim is configured.
        var email = entraUser?.FindFirst("preferred_username")?.Value ?? entraUser?.FindFirst(ClaimTypes.Email)?.Value
            ?? entraUser?.FindFirst("email")?.Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            return new(null, SignInMessages.EntraNoEmail);
        }

        var person = await people.FindByEmailAsync(email, cancellationToken);
        return person is null ? new(null, SignInMessages.EntraNoAccount) : new(person, null);
    }
}
