namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimApplicationBuilderExtensions
{
    /// <summary>
    /// The SCIM steps that wrap authentication and the endpoints, for /scim/v2 only: the provisioning log outermost (it
    /// sees every answer, 401 and 429 included), then the SCIM error format. Call before UseAuthentication.
    /// </summary>
    public static IApplicationBuilder UseScim(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.IsScim(), scim => scim.UseMiddleware<ScimLogMiddleware>().UseMiddleware<ScimErrorMiddleware>());
}
