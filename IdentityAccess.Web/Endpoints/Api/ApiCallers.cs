using IdentityAccess.Core.Api.Keys;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The key a request under <c>/api/v1</c> was authenticated with, as <see cref="ApiKeyHandler"/> left it.</summary>
internal static class ApiCallers
{
    public const string ItemKey = "ia.api-caller";

    public const string KeyIdClaim = "ia_api_key";

    /// <summary>Every /api/v1 endpoint: a valid key whose creator is still an admin of its parent.</summary>
    public const string ReadPolicy = "ManagementApiRead";

    /// <summary>Writes on top: a read-write key.</summary>
    public const string WritePolicy = "ManagementApiWrite";

    public static ApiKeyCaller? ApiCaller(this HttpContext http) => http.Items[ItemKey] as ApiKeyCaller;

    /// <summary>Inside an endpoint behind <see cref="ReadPolicy"/>, where the key is known to be there.</summary>
    public static ApiKeyCaller RequiredApiCaller(this HttpContext http) =>
        http.ApiCaller() ?? throw new InvalidOperationException("An /api/v1 endpoint ran without an API key.");
}
