using IdentityAccess.Web.Endpoints.Api.Description;
using IdentityAccess.Web.Endpoints.Api.Idempotency;
using IdentityAccess.Web.Endpoints.Api.Logs;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// The management API, <c>/api/v1</c>: every endpoint behind an API key (<see cref="ApiKeyHandler"/>), and its
/// description (<see cref="ManagementApiDocument"/>).
/// </summary>
internal static class ManagementApiEndpoints
{
    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        // Every write through a key, whichever resource, is audited with the key's name (ApiKeyAuditing); every POST takes an Idempotency-Key.
        app.MapGroup("/api/v1").RequireAuthorization(ApiCallers.ReadPolicy).ActsThroughApiKey().AcceptsIdempotencyKey().WithCommonResponses()
            .MapOrganizationEndpoints().MapMemberWriteEndpoints().MapIdentityAccessSettingsEndpoints().MapScimTokenEndpoints()
            .MapAuditLogEndpoints().MapProvisioningLogEndpoints()
            .MapDomainEndpoints().MapSsoConnectionEndpoints()
            .MapPendingSeatEndpoints().MapSyncRunEndpoints().MapOrganizationWriteEndpoints().MapGroupMappingEndpoints()
            .MapHeldChangeEndpoints()
            .MapWhatIfEndpoints().MapDirectorySyncStatusEndpoints()
            .MapParentAdminEndpoints().MapApiKeyEndpoints().MapParentSettingsEndpoints().MapJoinRequestEndpoints().MapParentMembershipEndpoints()
            .MapInvitationApiEndpoints().MapMemberRecoveryEndpoints().MapSeatEndpoints().MapMemberExportApiEndpoints()
            .MapSpKeyEndpoints().MapSignInGroupEndpoints();
        app.MapManagementApiDocument();
        return app;
    }

    /// <summary>What any endpoint of the API may answer, whatever it does: no valid key, a key not allowed, over its rate limit.</summary>
    private static RouteGroupBuilder WithCommonResponses(this RouteGroupBuilder api) => api
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
