using System.Globalization;
using System.Security.Claims;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// Who a SCIM request is: a directory (the parent organization its token belongs to), never a person. Only an identity
/// issued by <see cref="ScimBearerHandler"/> counts, so a portal cookie's principal can never stand for a directory.
/// </summary>
internal static class ScimPrincipal
{
    private const string ParentIdClaim = "ia:scim:parent";
    private const string ParentNameClaim = "ia:scim:parent-name";
    private const string PlanClaim = "ia:scim:plan";
    private const string TokenIdClaim = "ia:scim:token";

    public static ClaimsPrincipal For(ScimCaller caller) => new(new ClaimsIdentity(
    [
        new Claim(ParentIdClaim, caller.ParentOrganizationId.ToString()),
        new Claim(ParentNameClaim, caller.ParentName),
        new Claim(PlanClaim, caller.ParentPlan.ToString()),
        new Claim(TokenIdClaim, caller.TokenId.ToString()),
    ], ScimBearerHandler.SchemeName));

    /// <summary>The directory the request's token opened, or null when the request has no SCIM identity.</summary>
    public static Guid? ParentIdOf(ClaimsPrincipal user) =>
        Identity(user)?.FindFirst(ParentIdClaim)?.Value is { } value && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Whether the token's parent has a plan with directory sync (<see cref="DirectorySyncAvailability"/>).</summary>
    public static bool MaySync(ClaimsPrincipal user) =>
        Identity(user)?.FindFirst(PlanClaim)?.Value is { } plan && Enum.TryParse<ParentPlan>(plan, out var parsed) && DirectorySyncAvailability.Allows(parsed);

    private static ClaimsIdentity? Identity(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == ScimBearerHandler.SchemeName);
}
