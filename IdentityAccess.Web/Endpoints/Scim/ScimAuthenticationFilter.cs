using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Http.Features;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The bearer token selects the directory: without a valid one, 401 in the SCIM error format (Okta probes with
/// "Authorization: non-token"); with a valid one of a parent whose plan has no directory sync, 403 naming the plan.
/// Also turns refused input into SCIM errors, so no client input yields a 5xx.
/// </summary>
internal sealed class ScimAuthenticationFilter(ScimTokenService tokens, ILogger<ScimAuthenticationFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var caller = await tokens.IdentifyAsync(secret, http.RequestAborted);
        http.Items[ScimRequest.CallerKey] = caller; // a revoked token's refusal is logged against its directory
        if (caller is not { IsActive: true })
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ScimResponses.Error(StatusCodes.Status401Unauthorized, null,
                caller is null ? "A valid SCIM bearer token is required." : "This SCIM bearer token was revoked. Use the organization's current token.");
        }

        if (DirectorySyncAvailability.Check(caller.ParentName, caller.ParentPlan) is { } paused)
        {
            // A valid token of a parent whose plan has no directory sync: the directory is paused, not unknown. 403 with
            // the reason, so the IdP's provisioning log says what to change; the provisioning log records it too.
            logger.LogInformation("SCIM request refused: the directory of parent {ParentId} is paused by its {Plan} plan.", caller.ParentOrganizationId,
                caller.ParentPlan);
            return ScimResponses.Error(StatusCodes.Status403Forbidden, null, paused.Message);
        }

        http.Items[ScimRequest.ParentKey] = caller.ParentOrganizationId;
        try
        {
            return await next(context);
        }
        catch (ScimException ex)
        {
            return ScimResponses.Error(ex.Status, ex.ScimType, ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ScimResponses.Error(ex.StatusCode, null, $"The request body is larger than {http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes.");
        }
        catch (BadHttpRequestException ex)
        {
            logger.LogInformation(ex, "Unreadable SCIM request.");
            return ScimResponses.Error(ex.StatusCode, "invalidSyntax", "The request could not be read.");
        }
    }
}
