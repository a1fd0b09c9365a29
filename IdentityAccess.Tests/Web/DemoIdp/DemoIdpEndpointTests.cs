using System.Net;
using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Seed;
using IdentityAccess.DemoIdp.Storage;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.DemoIdp;

/// <summary>The demo IdP's protocol endpoints through the real app (Development): metadata, key, the SSO page and its response.</summary>
public sealed class DemoIdpEndpointTests : IAsyncLifetime
{
    private static readonly Uri _ownAcs = new("http://localhost/saml/acs");
    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Metadata_ReadByTheAppsImporter_GivesEntityIdRedirectEndpointAndA2048BitKeyKeptAcrossCalls()
    {
        var first = await Client().GetStringAsync("/demo-idp/metadata?tenant=acme.test");
        var second = await Client().GetStringAsync("/demo-idp/metadata");

        var (metadata, error) = IdpMetadataReader.Read(first);
        Assert.Null(error);
        Assert.Equal(DemoIdentityProvider.EntityId, metadata!.EntityId);
        Assert.Equal("http://localhost/demo-idp/sso?tenant=acme.test", metadata.SingleSignOnUrl.AbsoluteUri);
        using var key = Assert.Single(metadata.SigningCertificates).GetRSAPublicKey();
        Assert.Equal(2048, key!.KeySize);
        Assert.Equal(metadata.SigningCertificates[0].Thumbprint, IdpMetadataReader.Read(second).Metadata!.SigningCertificates[0].Thumbprint);
        await using var idp = await _factory.Services.GetRequiredService<IDbContextFactory<DemoIdpDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await idp.Keys.CountAsync());
    }

    [Fact]
    public async Task Seed_ConnectsAcmeAndGlobexToTheDemoIdp_EnabledWithTheOktaPreset()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var connections = await db.SamlConnections.AsNoTracking().Join(db.ParentOrganizations, c => c.ParentOrganizationId, p => p.Id, (c, p) => new { p.Name, c })
            .ToListAsync();

        Assert.Equal(["Acme Corporation", "Globex"], connections.Select(c => c.Name).Order());
        Assert.All(connections, c => Assert.True(c.c.Enabled && c.c.EntityId == DemoIdentityProvider.EntityId && c.c.Preset == SamlAttributePreset.Okta));
        Assert.Contains(connections, c => c.c.SingleSignOnUrl == "http://localhost/demo-idp/sso?tenant=globex.test");
    }

    [Fact]
    public async Task Response_ForChosenPerson_PassesTheStrictValidatorWithPersistentIdAndGroupIds()
    {
        var client = Client();
        var (metadata, _) = IdpMetadataReader.Read(await client.GetStringAsync("/demo-idp/metadata"));
        var redirect = Request("urn:identityaccess:sp", _ownAcs, out var requestId);

        var page = await (await client.GetAsync(redirect)).Content.ReadAsStringAsync();
        var autoPost = await (await DemoIdpHttp.ChooseAsync(client, page, "carol@acme.test")).Content.ReadAsStringAsync();

        var samlResponse = DemoIdpHttp.HiddenValue(autoPost, "SAMLResponse");
        var idp = new SamlIdpConnection(metadata!.EntityId, metadata.SingleSignOnUrl, metadata.SigningCertificates, SamlAttributeProfile.Okta);
        var result = await SamlResponseValidator.ValidateAsync(samlResponse,
            new SamlValidationContext(new SamlServiceProviderSettings("urn:identityaccess:sp", _ownAcs), idp, requestId, TimeProvider.System, new InMemorySamlReplayCache(TimeProvider.System)));
        Assert.True(result.Succeeded, result.Rejection?.Message);
        var (identity, unusable) = SamlIdentityMapper.Map(result.Assertion, SamlAttributeProfile.Okta);
        Assert.Null(unusable);
        Assert.Equal(DemoDirectory.ExternalIdOf("carol@acme.test"), identity!.Subject);
        Assert.Equal("carol@acme.test", identity.Email);
        Assert.Equal(["6f1c2a9e-0003-4c1e-9a10-acme00000003", "6f1c2a9e-0005-4c1e-9a10-acme00000005"], identity.Groups.Order());
        Assert.Contains("relay-key", autoPost);
        Assert.Contains("<button type=\"submit\">Continue</button>", autoPost);
    }

    [Theory]
    [InlineData("urn:identityaccess:sp", "http://evil.example/saml/acs", "which is not this app")]
    [InlineData("urn:identityaccess:sp", "http://localhost/elsewhere", "which is not this app")]
    [InlineData("urn:other:sp", "http://localhost/saml/acs", "only, not to urn:other:sp")]
    public async Task SsoPage_RequestForAnotherSpOrAcs_IsRefusedWithReadable400(string issuer, string acs, string reason)
    {
        var response = await Client().GetAsync(Request(issuer, new Uri(acs), out _));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html);
        Assert.DoesNotContain("Sign in as", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?SAMLRequest=not-base64!!")]
    [InlineData("?SAMLRequest=PHJvb3QvPg%3D%3D")] // base64 of "<root/>", not deflated
    public async Task SsoPage_MissingOrMalformedRequest_AnswersReadable400(string query)
    {
        var response = await Client().GetAsync("/demo-idp/sso" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Demo identity provider — Development only", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SsoPage_WithTenant_ListsOnlyActivePeopleOfThatDomainWithTheBadge()
    {
        var service = _factory.Services.GetRequiredService<DemoIdpDirectoryService>();
        var hank = (await service.GetAsync()).People.Single(p => p.Email == "hank@globex.test");
        Assert.Null(await service.SavePersonAsync(hank.Id, hank.Email, hank.DisplayName, active: false));

        var html = await (await Client().GetAsync(Request("urn:identityaccess:sp", _ownAcs, out _, "globex.test"))).Content.ReadAsStringAsync();

        Assert.Contains("Demo identity provider — Development only", html);
        Assert.Contains("Sign in as grace@globex.test", html);
        Assert.Contains("Sign in as iris@globex.test", html);
        Assert.DoesNotContain("Sign in as hank@globex.test", html);
        Assert.DoesNotContain("@acme.test", html);
    }

    private static string Request(string spEntityId, Uri acs, out string requestId, string? tenant = null)
    {
        var idp = new SamlIdpConnection(DemoIdentityProvider.EntityId, DemoIdentityProvider.SsoUrl(new Uri("http://localhost"), tenant),
            [SamlTestKeys.PublicOnly(SamlTestKeys.Idp)], SamlAttributeProfile.Okta);
        var redirect = new AuthnRequestBuilder(TimeProvider.System).Build(new SamlServiceProviderSettings(spEntityId, acs), idp, "relay-key");
        requestId = redirect.RequestId;
        return redirect.RedirectUrl.PathAndQuery;
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
