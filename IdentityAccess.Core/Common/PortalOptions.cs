namespace IdentityAccess.Core.Common;

/// <summary>The <c>Portal</c> section: facts about this deployment that links and protocol metadata are built from.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// The portal's public address, e.g. <c>https://portal.example.com</c>: every absolute URL the portal hands out (the
    /// SAML ACS and metadata, invitation and sign-in links) starts with it, never with the request's Host header, which
    /// a client chooses. Required outside Development.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
