namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// <see cref="ApiKestrelPortal"/> with tiny rate limits: three requests per key, three without a valid key per address,
/// and a bucket that refills once a day, so nothing is refilled while a test runs.
/// </summary>
public sealed class ApiRateLimitPortal : ApiKestrelPortal
{
    public const int Budget = 3;

    public ApiRateLimitPortal()
    {
        Settings["ManagementApi:RateLimit:TokenLimit"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["ManagementApi:RateLimit:TokensPerPeriod"] = "1";
        Settings["ManagementApi:RateLimit:UnauthenticatedTokenLimit"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["ManagementApi:RateLimit:UnauthenticatedTokensPerPeriod"] = "1";
        Settings["ManagementApi:RateLimit:ReplenishmentPeriod"] = "1.00:00:00";
    }
}
