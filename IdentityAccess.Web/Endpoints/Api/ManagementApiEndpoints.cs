namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The management API, <c>/api/v1</c>: every endpoint behind an API key (<see cref="ApiKeyHandler"/>).</summary>
internal static class ManagementApiEndpoints
{
    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization(ApiCallers.ReadPolicy).MapOrganizationEndpoints().MapIdentityAccessSettingsEndpoints();
        return app;
    }
}
