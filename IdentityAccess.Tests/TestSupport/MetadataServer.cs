using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IdentityAccess.Tests.Saml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// An IdP's metadata endpoint on 127.0.0.1: publishes whatever signing certificates a test sets (a rollover adds the
/// next key, then drops the old one), answers 304 to a matching ETag, and can fail, serve junk or redirect on demand.
/// </summary>
public sealed class MetadataServer : IAsyncDisposable
{
    public enum Behaviour { Serve, ServerError, Malformed, TooLarge, Redirect }

    private readonly WebApplication _app;

    public IReadOnlyList<X509Certificate2> Certificates { get; set; } = [SamlTestKeys.Idp];

    public Behaviour Mode { get; set; } = Behaviour.Serve;

    public int NotModifiedCount { get; private set; }

    /// <summary>Every request answered, whatever its outcome: a refused caller must not make the portal fetch at all.</summary>
    public int RequestCount => _requests;

    /// <summary>The IdP the document describes; another value stands for a URL that starts serving another IdP.</summary>
    public string EntityId { get; set; } = SamlScenario.IdpEntityId;

    private int _requests;

    public Uri Url { get; private set; } = default!;

    private MetadataServer(WebApplication app) => _app = app;

    public static async Task<MetadataServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = new MetadataServer(builder.Build());
        server._app.MapGet("/federationmetadata.xml", server.Answer);
        await server._app.StartAsync();
        var root = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri($"{root}/federationmetadata.xml");
        return server;
    }

    private IResult Answer(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        switch (Mode)
        {
            case Behaviour.ServerError:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case Behaviour.Malformed:
                return Results.Text("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><unclosed>", "application/samlmetadata+xml");
            case Behaviour.TooLarge:
                return Results.Text(new string(' ', 1_200_000) + Document(), "application/samlmetadata+xml");
            case Behaviour.Redirect:
                return Results.Redirect("http://127.0.0.1:9/elsewhere.xml");
        }

        var document = Document();
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)))[..16]}\"";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            NotModifiedCount++;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        http.Response.Headers.ETag = etag;
        return Results.Text(document, "application/samlmetadata+xml");
    }

    private string Document()
    {
        var keys = string.Concat(Certificates.Select(c =>
            $"""<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>{SamlTestKeys.Base64(c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor entityID="{EntityId}" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">{keys}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso/redirect"/></md:IDPSSODescriptor></md:EntityDescriptor>
            """;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
