using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.SignInLinks;
using IdentityAccess.Web.Startup;
using Microsoft.AspNetCore.Mvc;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>
/// This portal as a SAML service provider: its metadata, the SP-initiated start (an IdP tile or the sign-in page's
/// email step) and the ACS. Thin: the checks live in Core's <see cref="SamlSignInService"/>.
/// </summary>
internal static class SamlEndpoints
{
    /// <summary>Holds the nonce binding a login to this browser; scoped to the ACS path.</summary>
    public const string StateCookie = SamlStateCookie.Name;

    public static IEndpointRouteBuilder MapSamlEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SamlServiceProvider.MetadataPath, (HttpContext http, SamlServiceProvider sp) =>
            Results.Text(SpMetadataWriter.Write(sp.For(http.Request)), "application/samlmetadata+xml; charset=utf-8")).AllowAnonymous();
        app.MapSamlSpMetadataEndpoints();
        app.MapGet("/sso/{parentId:guid}", (HttpContext http, Guid parentId, string? returnUrl, SamlSignInService signIn, SamlServiceProvider sp) =>
            StartAsync(http, parentId, returnUrl, signIn, sp)).AllowAnonymous();
        app.MapPost("/sso/start", EmailStepAsync).AllowAnonymous();
        app.MapSamlTestSignInEndpoints();
        // The IdP's auto-submitted form carries no antiforgery token; the state + cookie binding stands in for it.
        app.MapPost(SamlServiceProvider.AcsPath, AcsAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// A domain whose parent has SSO on goes to that IdP; any other address gets an emailed sign-in link (the answer does
    /// not say whether the person exists, nor whether the address asked too often).
    /// </summary>
    private static async Task<IResult> EmailStepAsync(HttpContext http, [FromForm] string? email, [FromForm] string? returnUrl,
        EmailSignInService emailLinks, SamlSignInService signIn, SamlServiceProvider sp, PublicBaseUrl publicBase)
    {
        var callerBase = publicBase.For(http.Request, "/").AbsoluteUri; // the configured base, never the Host header outside Development
        return await emailLinks.RequestAsync(email?.Trim(), LocalRedirect.Sanitize(returnUrl), callerBase, http.RequestAborted) switch
        {
            null => Results.LocalRedirect(LinkSentPage.PathFor(email!.Trim())),
            UseSingleSignOn sso => await StartAsync(http, sso.ParentId, returnUrl, signIn, sp, fromEmailStep: true),
            // A code, never the message: the sign-in page shows only sentences it wrote (SignInMessages).
            ValidationFailed => SignInError(SignInMessages.EmailInvalid, returnUrl),
            _ => SignInError("unknown", returnUrl),
        };
    }

    private static async Task<IResult> StartAsync(HttpContext http, Guid parentId, string? returnUrl, SamlSignInService signIn, SamlServiceProvider sp,
        bool fromEmailStep = false)
    {
        var start = await signIn.StartAsync(parentId, sp.For(http.Request), LocalRedirect.Sanitize(returnUrl), http.RequestAborted);
        if (start is null)
        {
            return fromEmailStep
                ? SignInError(SignInMessages.SsoNotEnabled, returnUrl)
                : SamlSignInPages.Problem(http, SamlSignInFailure.SsoNotAvailable);
        }

        SamlStateCookie.Append(http, start.Nonce);
        return fromEmailStep ? SamlContinuePage.To(start.RedirectUrl) : Results.Redirect(start.RedirectUrl.AbsoluteUri);
    }

    private static async Task<IResult> AcsAsync(HttpContext http, SamlSignInService signIn, SamlServiceProvider sp)
    {
        // The form is read by hand: parameter binding throws on a missing or malformed body, which would answer 500.
        var (samlResponse, relayState) = await ReadAcsFormAsync(http.Request);
        var nonce = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = SamlServiceProvider.AcsPath });
        var result = await signIn.CompleteAsync(samlResponse, relayState, nonce, sp.For(http.Request), PortalSignIn.SessionRequest(http, "saml"),
            http.TraceIdentifier, http.RequestAborted);
        if (result.TestSignInId is { } test)
        {
            return SamlTestSignInEndpoints.ToResult(test); // a test signs nobody in: the session stays the tester's own
        }

        Core.Telemetry.IdentityAccessTelemetry.SignIns.Add(1, new KeyValuePair<string, object?>("identityaccess.sso.outcome",
            result.Failure is { } failure ? Core.Telemetry.IdentityAccessTelemetry.Snake(failure.ToString()) : "signed_in"));
        if (result.Person is null)
        {
            return SamlSignInPages.Problem(http, result.Failure!.Value, result.OrganizationName);
        }

        await PortalSignIn.SignInAsync(http, result.Person, result.Session!); // opened in the sign-in's own transaction
        return Results.LocalRedirect(LocalRedirect.Sanitize(result.ReturnUrl));
    }

    // SAML Bindings 3.5.4: HTTP-POST carries SAMLResponse and RelayState as form fields.
    private static async Task<(string? SamlResponse, string? RelayState)> ReadAcsFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return (null, null);
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (form["SAMLResponse"].FirstOrDefault(), form["RelayState"].FirstOrDefault());
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, null);
        }
    }

    private static IResult SignInError(string code, string? returnUrl) => Results.LocalRedirect(SignInMessages.SignInPath(code, returnUrl ?? "/"));
}
