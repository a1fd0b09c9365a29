using System.Net;
using System.Net.Sockets;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso.Metadata;

public sealed class IdpMetadataFetcherTests : IAsyncLifetime
{
    private MetadataServer _server = default!;
    private ServiceProvider _services = default!;

    private IdpMetadataFetcher Fetcher => _services.GetRequiredService<IdpMetadataFetcher>();

    public async Task InitializeAsync()
    {
        _server = await MetadataServer.StartAsync();
        // The metadata server is on 127.0.0.1, which only an operator's setting lets the fetcher reach.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sso:MetadataRefresh:AllowPrivateAddresses"] = "true" }).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddIdpMetadataFetcher().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task FetchAsync_ServedMetadata_ParsedWithItsETag()
    {
        var outcome = await Fetcher.FetchAsync(_server.Url, null, null);

        Assert.Null(outcome.Error);
        Assert.False(outcome.NotModified);
        Assert.Equal(SamlScenario.IdpEntityId, outcome.Metadata!.EntityId);
        Assert.Equal(CertificateFingerprints.Sha256([SamlTestKeys.Idp]), CertificateFingerprints.Sha256(outcome.Metadata.SigningCertificates));
        Assert.NotNull(outcome.ETag);
    }

    [Fact]
    public async Task FetchAsync_SameETag_NotModified()
    {
        var first = await Fetcher.FetchAsync(_server.Url, null, null);

        var second = await Fetcher.FetchAsync(_server.Url, first.ETag, null);

        Assert.True(second.NotModified);
        Assert.Null(second.Error);
        Assert.Equal(1, _server.NotModifiedCount);
    }

    [Fact]
    public async Task FetchAsync_KeyRotatedSinceTheLastETag_FetchesTheNewDocument()
    {
        var first = await Fetcher.FetchAsync(_server.Url, null, null);
        _server.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];

        var second = await Fetcher.FetchAsync(_server.Url, first.ETag, null);

        Assert.False(second.NotModified);
        Assert.Equal(2, second.Metadata!.SigningCertificates.Count);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Theory]
    [InlineData(MetadataServer.Behaviour.ServerError, "HTTP 503")]
    [InlineData(MetadataServer.Behaviour.TooLarge, "larger than 1 MB")]
    [InlineData(MetadataServer.Behaviour.Redirect, "redirects")]
    public async Task FetchAsync_ServerMisbehaves_ClearErrorAndNoMetadata(MetadataServer.Behaviour behaviour, string expected)
    {
        _server.Mode = behaviour;

        var outcome = await Fetcher.FetchAsync(_server.Url, null, null);

        var error = Assert.IsType<MetadataFetchFailed>(outcome.Error);
        Assert.Contains(expected, error.Message);
        Assert.Null(outcome.Metadata);
    }

    [Fact]
    public async Task FetchAsync_MalformedDocument_RejectedByTheStrictReader()
    {
        _server.Mode = MetadataServer.Behaviour.Malformed;

        var outcome = await Fetcher.FetchAsync(_server.Url, null, null);

        Assert.IsType<MetadataUnreadable>(outcome.Error);
        Assert.Null(outcome.Metadata);
    }

    [Fact]
    public async Task FetchAsync_ConnectionRefused_ClearError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await Fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/metadata.xml"), null, null);

        var error = Assert.IsType<MetadataFetchFailed>(outcome.Error);
        Assert.Contains("could not be reached", error.Message);
    }

    /// <summary>
    /// The IdP publishes its next key beside the current one, starts signing with it, then drops the old key:
    /// each refresh decides which signatures the validator accepts.
    /// </summary>
    [Fact]
    public async Task Rollover_NewKeyAcceptedAfterRefresh_OldKeyRefusedOnceRemoved()
    {
        var before = await ConnectionFromServerAsync();
        Assert.True((await ValidateAsync(before, SamlTestKeys.Idp)).Succeeded);
        Assert.False((await ValidateAsync(before, SamlTestKeys.IdpNext)).Succeeded);

        _server.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];
        var during = await ConnectionFromServerAsync();
        Assert.True((await ValidateAsync(during, SamlTestKeys.IdpNext)).Succeeded);
        Assert.True((await ValidateAsync(during, SamlTestKeys.Idp)).Succeeded);

        _server.Certificates = [SamlTestKeys.IdpNext];
        var after = await ConnectionFromServerAsync();
        Assert.True((await ValidateAsync(after, SamlTestKeys.IdpNext)).Succeeded);
        var old = await ValidateAsync(after, SamlTestKeys.Idp);
        Assert.False(old.Succeeded);
    }

    private async Task<SamlIdpConnection> ConnectionFromServerAsync()
    {
        var outcome = await Fetcher.FetchAsync(_server.Url, null, null);
        Assert.Null(outcome.Error);
        return outcome.Metadata!.ToConnection(SamlAttributeProfile.Okta);
    }

    private static Task<SamlValidationResult> ValidateAsync(SamlIdpConnection connection, System.Security.Cryptography.X509Certificates.X509Certificate2 signingKey)
    {
        var scenario = new SamlScenario { IdentityProvider = connection };
        return scenario.ValidateAsync(new SamlResponseSigner(signingKey).CreateBase64(scenario.Content));
    }
}
