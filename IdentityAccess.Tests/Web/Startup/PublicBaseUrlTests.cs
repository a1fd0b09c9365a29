using System.IO.Compression;
using System.Net;
using System.Web;
using System.Xml;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Startup;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Startup;

/// <summary>
/// Absolute URLs come from <c>Portal:PublicBaseUrl</c>, never from the Host header a client sends; outside Development
/// the app does not start without one.
/// </summary>
public sealed class PublicBaseUrlTests : IAsyncLifetime
{
    private const string Configured = "https://portal.example.test";
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SpMetadata_ForgedHostHeader_NamesTheConfiguredAcs()
    {
        await using var app = App("Development", ("Portal:PublicBaseUrl", Configured));

        var xml = await (await ForgedHost(app, "/saml/metadata")).Content.ReadAsStringAsync();

        Assert.Contains($"Location=\"{Configured}/saml/acs\"", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthnRequest_ForgedHostHeader_AsksForTheConfiguredAcs()
    {
        await using var app = App("Development", ("Portal:PublicBaseUrl", Configured));
        var acme = await AcmeParentAsync(app);

        var start = await ForgedHost(app, $"/sso/{acme}");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"{Configured}/saml/acs", AcsOf(start.Headers.Location!));
    }

    [Fact]
    public async Task AuthnRequest_InDevelopmentWithoutOne_UsesTheRequestsAddress()
    {
        // What the configured base prevents: the Host header, which the client chooses, becomes the ACS.
        await using var app = App("Development");
        var acme = await AcmeParentAsync(app);

        Assert.Equal("http://evil.example/saml/acs", AcsOf((await ForgedHost(app, $"/sso/{acme}")).Headers.Location!));
    }

    [Fact]
    public async Task OlderSsoSamlSetting_StillServes_PortalSettingWinsOverIt()
    {
        await using var older = App("Production", ("Sso:Saml:PublicBaseUrl", "https://old.example.test"));
        await using var both = App("Production", ("Sso:Saml:PublicBaseUrl", "https://old.example.test"), ("Portal:PublicBaseUrl", Configured));

        Assert.Contains("Location=\"https://old.example.test/saml/acs\"", await (await ForgedHost(older, "/saml/metadata")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"Location=\"{Configured}/saml/acs\"", await (await ForgedHost(both, "/saml/metadata")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InProductionWithoutOne_FailsSayingWhatToSet()
    {
        using var app = App("Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(PublicBaseUrlValidation.MissingMessage, Messages(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portal.example.test")]
    [InlineData("ftp://portal.example.test")]
    [InlineData("https://portal.example.test/?x=1")]
    public void Start_MalformedValue_FailsNamingIt(string value)
    {
        using var app = App("Development", ("Portal:PublicBaseUrl", value));

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains($"Portal:PublicBaseUrl is '{value}'", Messages(failure), StringComparison.Ordinal);
    }

    private IdentityAccessWebFactory App(string environment, params (string Key, string Value)[] settings) =>
        new(_database, environment, useTestAuth: false, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static async Task<HttpResponseMessage> ForgedHost(WebApplicationFactory<Program> app, string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        return await client.SendAsync(request);
    }

    private static async Task<Guid> AcmeParentAsync(IdentityAccessWebFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
    }

    // SAML Bindings 3.4.4.1: the Redirect binding's SAMLRequest is deflated, then base64-encoded.
    private static string AcsOf(Uri redirect)
    {
        var samlRequest = HttpUtility.ParseQueryString(redirect.Query)["SAMLRequest"]!;
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(samlRequest)), CompressionMode.Decompress);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(inflate);
        return document.DocumentElement!.GetAttribute("AssertionConsumerServiceURL");
    }

    private static string Messages(Exception failure)
    {
        var messages = new List<string>();
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join('\n', messages);
    }
}
