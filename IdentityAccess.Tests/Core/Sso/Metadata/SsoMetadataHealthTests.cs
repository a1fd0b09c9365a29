using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sso.Metadata;

/// <summary>
/// <c>/healthz/detail</c> tells an operator about IdP certificates near their end, by count (it is anonymous, so it
/// names no customer), while <c>/healthz</c>, which a load balancer asks, stays about this instance only.
/// </summary>
public sealed class SsoMetadataHealthTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public SsoMetadataHealthTests()
    {
        _portal.Time = _time;
        ClockJumps.QuietBackgroundLoops(_portal.Settings); // a test moves the clock to a year from now
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        // Acme trusts the test IdP's key alone, which ends a year from now.
        Assert.Null(await _portal.Factory.Services.GetRequiredService<SamlConnectionService>().ImportMetadataAsync(_portal.Demo.AcmeParent,
            IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)), SamlAttributePreset.Okta, _portal.Demo.Person("alice@acme.test")));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private async Task<JsonElement> DetailAsync()
    {
        var response = await _portal.CreateClient().GetAsync("/healthz/detail");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Degraded too: the instance itself serves
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("sso-metadata");
    }

    [Fact]
    public async Task Detail_CertificatesFarFromTheirEnd_Healthy()
    {
        var sso = await DetailAsync();

        Assert.Equal("Healthy", sso.GetProperty("status").GetString());
        Assert.Equal(0, sso.GetProperty("data").GetProperty("certificatesEndingWithin7Days").GetInt32());
    }

    [Fact]
    public async Task Detail_TheOnlyKeyEndsWithin7Days_DegradedWithCountsAndNoCustomerNamed()
    {
        _time.Advance(SamlTestKeys.Idp.NotAfter.ToUniversalTime() - _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(5));

        var sso = await DetailAsync();
        var body = sso.GetRawText();

        Assert.Equal("Degraded", sso.GetProperty("status").GetString());
        Assert.Equal(1, sso.GetProperty("data").GetProperty("certificatesEndingWithin7Days").GetInt32());
        Assert.Contains(SamlTestKeys.Idp.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sso.GetProperty("data").GetProperty("certificateEnds").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("Acme", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(IdpMetadataSamples.OktaEntityId, body, StringComparison.Ordinal);
        Assert.Equal("Healthy", await (await _portal.CreateClient().GetAsync("/healthz")).Content.ReadAsStringAsync());
    }
}
