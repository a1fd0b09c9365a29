using IdentityAccess.Core.Access;
using IdentityAccess.Core.People;
using IdentityAccess.Web.Auth;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>
/// <c>GET /api/me</c>: who the session belongs to and where they are a member. Anonymous, signed out or revoked: 401
/// with a JSON problem (<see cref="ApiProblems"/>), not a redirect.
/// </summary>
internal static class MeEndpoint
{
    public static IEndpointRouteBuilder MapMeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", async (HttpContext http, PersonLookup people, OrganizationAccessService access) =>
        {
            if (http.User.GetPersonId() is not { } personId || await people.FindAsync(personId, http.RequestAborted) is not { } person)
            {
                return ApiProblems.NotSignedIn();
            }

            var organizations = await access.ListMineAsync(personId, http.RequestAborted);
            return Results.Json(new
            {
                email = person.Email,
                name = person.DisplayName,
                organizations = organizations.Select(o => new { id = o.Organization.Id, name = o.Organization.Name, role = o.Role.ToString(), tier = o.SeatTier?.ToString() }),
            });
        }).RequireAuthorization();
        return app;
    }
}
