using System.Text.Encodings.Web;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>
/// The email step's answer when the person's organization uses SSO: a page that moves on to the IdP by itself. A
/// redirect would make the IdP the target of the sign-in form, which the Content-Security-Policy's <c>form-action
/// 'self'</c> forbids (browsers check every redirect of a form's navigation); a refresh starts a navigation of its own.
/// </summary>
internal static class SamlContinuePage
{
    public static IResult To(Uri identityProvider)
    {
        var url = HtmlEncoder.Default.Encode(identityProvider.AbsoluteUri);
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta http-equiv="refresh" content="0;url={url}" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <link rel="icon" href="data:," />
                <title>Continuing to your organization's sign-in · IdentityAccess</title>
            </head>
            <body>
                <p data-testid="sso-continue">Continuing to your organization's sign-in page… <a href="{url}">Continue</a></p>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }
}
