using System.Net;
using System.Text;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>
/// The demo IdP's sign-in pages, as plain HTML: like a real IdP they live outside the portal's Blazor app, and they
/// work without a circuit (or without JavaScript: the auto-submitting form has a Continue button).
/// </summary>
internal static class DemoIdpHtml
{
    public const string Badge = "Demo identity provider — Development only";

    public static IResult ChoosePerson(DemoIdpSsoForm form, IReadOnlyList<DemoIdpPerson> people, string antiforgeryField, string antiforgeryToken)
    {
        var body = new StringBuilder();
        body.Append("<h1>Sign in to IdentityAccess</h1>");
        body.Append($"<p>{Encode(form.Request.Issuer)} asks who you are. Pick a person of the demo directory");
        body.Append(string.IsNullOrEmpty(form.Tenant) ? "." : $" at <strong>{Encode(form.Tenant)}</strong>.");
        body.Append($" <a href=\"{DemoIdentityProvider.PagePath}\">Edit the demo directory</a></p>");
        if (people.Count == 0)
        {
            body.Append("<p class=\"empty\">Nobody active in this tenant. Add people on the demo directory page.</p>");
        }

        body.Append("<ul aria-label=\"People you can sign in as\">");
        foreach (var person in people)
        {
            body.Append($"""
                <li><form method="post" action="{DemoIdentityProvider.SsoPath}">
                <input type="hidden" name="{Encode(antiforgeryField)}" value="{Encode(antiforgeryToken)}" />
                <input type="hidden" name="SAMLRequest" value="{Encode(form.SamlRequest)}" />
                <input type="hidden" name="RelayState" value="{Encode(form.RelayState ?? "")}" />
                <input type="hidden" name="tenant" value="{Encode(form.Tenant ?? "")}" />
                <input type="hidden" name="personId" value="{person.Id}" />
                <span class="who"><span class="name">{Encode(person.DisplayName)}</span><span class="email">{Encode(person.Email)}</span></span>
                <button type="submit">Sign in as {Encode(person.Email)}</button>
                </form></li>
                """);
        }

        body.Append("</ul>");
        return Page("Demo identity provider", body.ToString(), StatusCodes.Status200OK);
    }

    /// <summary>SAML Bindings 3.5: the HTTP-POST binding, submitted by script, or by hand without one.</summary>
    public static IResult PostToAcs(Uri acs, string samlResponse, string? relayState)
    {
        var relay = string.IsNullOrEmpty(relayState) ? "" : $"<input type=\"hidden\" name=\"RelayState\" value=\"{Encode(relayState)}\" />";
        var body = $"""
            <h1>Signing you in…</h1>
            <form method="post" action="{Encode(acs.AbsoluteUri)}" id="saml-post">
            <input type="hidden" name="SAMLResponse" value="{Encode(samlResponse)}" />{relay}
            <p>Your browser is sending the signed SAML response to {Encode(acs.AbsoluteUri)}.</p>
            <button type="submit">Continue</button>
            </form>
            <script>document.getElementById('saml-post').submit();</script>
            """;
        return Page("Signing in", body, StatusCodes.Status200OK);
    }

    public static IResult Problem(string message, int status = StatusCodes.Status400BadRequest) =>
        Page("Demo identity provider: cannot sign in", $"<h1>Cannot sign in</h1><p role=\"alert\">{Encode(message)}</p><p><a href=\"/sign-in\">Back to the sign-in page</a></p>", status);

    private static IResult Page(string title, string body, int status) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: Roboto, Helvetica, Arial, sans-serif; margin: 0; background: #f5f5f5; color: #222; }
        main { max-width: 620px; margin: 32px auto; background: #fff; padding: 24px 32px; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
        .badge { display: inline-block; background: #fff4e5; color: #663c00; border: 1px solid #ffa726; border-radius: 4px; padding: 4px 10px; font-weight: 600; }
        ul { list-style: none; padding: 0; } li form { display: flex; align-items: center; gap: 12px; padding: 10px 0; border-bottom: 1px solid #eee; }
        .who { flex: 1; display: flex; flex-direction: column; } .email { color: #666; font-size: 0.9em; }
        button { background: #594ae2; color: #fff; border: 0; border-radius: 4px; padding: 8px 14px; cursor: pointer; }
        </style></head>
        <body><main><p class="badge" data-testid="demo-idp-badge">{{Badge}}</p>
        {{body}}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
