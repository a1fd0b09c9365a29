namespace IdentityAccess.DemoIdp;

/// <summary>The names and addresses of the built-in demo identity provider (Development only).</summary>
public static class DemoIdentityProvider
{
    public const string EntityId = "urn:identityaccess:demo-idp";

    public const string PagePath = "/demo-idp";
    public const string MetadataPath = "/demo-idp/metadata";
    public const string SsoPath = "/demo-idp/sso";

    /// <summary>The tenant query parameter: the email domain whose people the sign-in page offers.</summary>
    public const string TenantParameter = "tenant";

    public static Uri SsoUrl(Uri appBaseUrl, string? tenant) => WithTenant(new Uri(appBaseUrl, SsoPath), tenant);

    public static Uri MetadataUrl(Uri appBaseUrl, string? tenant) => WithTenant(new Uri(appBaseUrl, MetadataPath), tenant);

    /// <summary>The tenant an SSO URL was published for, or null.</summary>
    public static string? TenantOf(Uri ssoUrl)
    {
        var prefix = TenantParameter + "=";
        var pair = ssoUrl.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal));
        return pair is null ? null : Uri.UnescapeDataString(pair[prefix.Length..]);
    }

    private static Uri WithTenant(Uri url, string? tenant) =>
        string.IsNullOrEmpty(tenant) ? url : new Uri($"{url.AbsoluteUri}?{TenantParameter}={Uri.EscapeDataString(tenant)}");
}
