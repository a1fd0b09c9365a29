using IdentityAccess.Core.Common;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// Checked when the app starts: outside Development a public base URL must be configured, and any configured value must
/// be an absolute http(s) address. A deployer reads the reason in the start-up error instead of finding out from an IdP
/// that the ACS URL points somewhere else.
/// </summary>
internal sealed class PublicBaseUrlValidation(IHostEnvironment environment, IOptions<SamlSpOptions> saml) : IValidateOptions<PortalOptions>
{
    public const string MissingMessage =
        "Portal:PublicBaseUrl is not set. Outside Development the portal builds every absolute URL it hands out (the SAML ACS and " +
        "metadata, the SCIM endpoint, invitation and sign-in links) from it, never from the request's Host header. Set it to the " +
        "address people use, e.g. the environment variable Portal__PublicBaseUrl=https://portal.example.com (docs/deployment.md).";

    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        foreach (var (key, value) in new[] { ("Portal:PublicBaseUrl", options.PublicBaseUrl), ("Sso:Saml:PublicBaseUrl", saml.Value.PublicBaseUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && PublicBaseUrl.Parse(value) is null)
            {
                return ValidateOptionsResult.Fail($"{key} is '{value}', which is not an absolute http:// or https:// address without a query, " +
                    "e.g. https://portal.example.com.");
            }
        }

        return string.IsNullOrWhiteSpace(options.PublicBaseUrl) && string.IsNullOrWhiteSpace(saml.Value.PublicBaseUrl) && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(MissingMessage)
            : ValidateOptionsResult.Success;
    }
}
