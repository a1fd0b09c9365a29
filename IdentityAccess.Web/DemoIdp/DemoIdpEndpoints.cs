using IdentityAccess.DemoIdp;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>
/// The built-in demo SAML identity provider: metadata and the HTTP-Redirect SSO endpoint. Mapped in Development only;
/// anywhere else these routes do not exist (a test proves it).
/// </summary>
internal static class DemoIdpEndpoints
{
    public static IEndpointRouteBuilder MapDemoIdentityProvider(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return app;
        }

        app.MapGet(DemoIdentityProvider.MetadataPath, MetadataAsync).AllowAnonymous();
        app.MapGet(DemoIdentityProvider.SsoPath, ChoosePersonAsync).AllowAnonymous();
        // The form is read and its antiforgery token checked by hand, so that bad input gets a readable page, not a bare 400.
        app.MapPost(DemoIdentityProvider.SsoPath, RespondAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> MetadataAsync(HttpContext http, string? tenant, DemoIdpKeyStore keys, SamlServiceProvider sp)
    {
        using var certificate = await keys.GetOrCreateAsync(http.RequestAborted);
        var baseUrl = sp.AbsoluteUrl($"{http.Request.Scheme}://{http.Request.Host}", "/");
        return Results.Text(DemoIdpMetadata.Write(DemoIdentityProvider.SsoUrl(baseUrl, tenant), certificate), "application/samlmetadata+xml; charset=utf-8");
    }

    private static async Task<IResult> ChoosePersonAsync(HttpContext http, string? samlRequest, string? relayState, string? tenant,
        DemoIdpSignIn signIn, IAntiforgery antiforgery, SamlServiceProvider sp, IOptions<SamlSpOptions> options)
    {
        // Query names are case-insensitive in minimal APIs, so SAMLRequest binds to samlRequest.
        var (form, refusal) = Check(http.Request, samlRequest, relayState, tenant, sp, options);
        if (form is null)
        {
            return DemoIdpHtml.Problem(refusal!);
        }

        var people = await signIn.ListSignInChoicesAsync(tenant, http.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return DemoIdpHtml.ChoosePerson(form, people, tokens.FormFieldName, tokens.RequestToken!);
    }

    private static async Task<IResult> RespondAsync(HttpContext http, DemoIdpSignIn signIn, IAntiforgery antiforgery, SamlServiceProvider sp,
        IOptions<SamlSpOptions> options)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return DemoIdpHtml.Problem("The form expired or did not come from the demo identity provider's page. Start signing in again.");
        }

        var fields = await http.Request.ReadFormAsync(http.RequestAborted);
        var (samlRequest, relayState, tenant) = (fields["SAMLRequest"].FirstOrDefault(), fields["RelayState"].FirstOrDefault(), fields["tenant"].FirstOrDefault());
        var (form, refusal) = Check(http.Request, samlRequest, relayState, tenant, sp, options);
        if (form is null)
        {
            return DemoIdpHtml.Problem(refusal!);
        }

        if (!Guid.TryParse(fields["personId"].FirstOrDefault(), out var personId)
            || await signIn.RespondAsync(form.Request, personId, http.RequestAborted) is not { } samlResponse)
        {
            return DemoIdpHtml.Problem("That person is no longer active in the demo directory. Go back and pick someone else.");
        }

        http.Response.Headers.CacheControl = "no-store";
        return DemoIdpHtml.PostToAcs(form.Request.AssertionConsumerServiceUrl, samlResponse, form.RelayState);
    }

    private static (DemoIdpSsoForm? Form, string? Refusal) Check(HttpRequest request, string? samlRequest, string? relayState, string? tenant,
        SamlServiceProvider sp, IOptions<SamlSpOptions> options)
    {
        var (authnRequest, error) = DemoIdpAuthnRequest.Read(samlRequest);
        if (authnRequest is null)
        {
            return (null, error);
        }

        if (DemoIdpAcsCheck.Refusal(authnRequest.AssertionConsumerServiceUrl, authnRequest.Issuer, request, sp, options) is { } refusal)
        {
            return (null, refusal);
        }

        return (new DemoIdpSsoForm(authnRequest, samlRequest!, NullIfEmpty(relayState), NullIfEmpty(tenant)), null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
