using System.IO.Compression;
using System.Net;
using System.Web;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// An Okta-like IdP played by a Playwright route on 127.0.0.1 (same site as the portal, as with saml-idp in
/// TOOLCHAIN.md §8): it answers the AuthnRequest with a signed Response in an auto-submitting form, as real IdPs do.
/// The parent's connection must hold <see cref="IdpMetadataSamples.Okta"/> with <see cref="SsoUrl"/> as its SSO URL.
/// </summary>
public static class RoutedSamlIdp
{
    public const string SsoUrl = "http://127.0.0.1:9/sso/saml";

    /// <summary>Answers every login of this page as the person with this email (subject "okta-" + email).</summary>
    public static Task SignsInAsAsync(IPage page, string email, string? displayName = null) =>
        page.RouteAsync(SsoUrl + "**", route => AnswerAsync(route, email, displayName));

    /// <summary>The same for every page of the context, such as a tab the portal opens (a test sign-in).</summary>
    public static Task SignsInAsAsync(IBrowserContext context, string email, string? displayName = null) =>
        context.RouteAsync(SsoUrl + "**", route => AnswerAsync(route, email, displayName));

    private static async Task AnswerAsync(IRoute route, string email, string? displayName)
    {
        var query = HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(query["SAMLRequest"]!)), CompressionMode.Decompress);
        var request = new XmlDocument { XmlResolver = null };
        request.Load(inflate);
        var attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = [email] };
        if (displayName is not null)
        {
            attributes["displayName"] = [displayName];
        }

        var response = new SamlResponseSigner(SamlTestKeys.Idp).CreateBase64(new SamlResponseContent
        {
            Issuer = IdpMetadataSamples.OktaEntityId,
            NameId = "okta-" + email,
            Audience = "urn:identityaccess:sp",
            Destination = new Uri(request.DocumentElement!.GetAttribute("AssertionConsumerServiceURL")),
            InResponseTo = request.DocumentElement.GetAttribute("ID"),
            IssueInstant = DateTimeOffset.UtcNow,
            Attributes = attributes,
        });
        var html = $"""
            <html><body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(request.DocumentElement.GetAttribute("AssertionConsumerServiceURL"))}">
            <input type="hidden" name="SAMLResponse" value="{response}" />
            <input type="hidden" name="RelayState" value="{WebUtility.HtmlEncode(query["RelayState"])}" />
            </form></body></html>
            """;
        await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = html });
    }
}
