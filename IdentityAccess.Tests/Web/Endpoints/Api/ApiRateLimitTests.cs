using System.Diagnostics.Metrics;
using System.Net;
using IdentityAccess.Core.Telemetry;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1's rate limits on Kestrel: a key over its budget gets a 429 problem with Retry-After while another key goes
/// on; requests without a valid key share their address's budget, which neither a valid key nor the rest of the portal
/// (SCIM, /api/me, the OpenAPI document) spends.
/// </summary>
public sealed class ApiRateLimitTests(ApiRateLimitPortal portal) : IClassFixture<ApiRateLimitPortal>
{
    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task Key_OverItsBudget_429ProblemWithRetryAfter_AnotherKeyUnaffected()
    {
        var spender = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice)).Token);
        var other = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice)).Token);
        using var rejections = new RejectionCounter();

        for (var i = 0; i < ApiRateLimitPortal.Budget; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await spender.GetAsync("/api/v1/organizations")).StatusCode);
        }

        var refused = await spender.GetAsync($"/api/v1/organizations/{portal.Demo.AcmeChat}");

        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(1, rejections.Count("api_key"));
        // Who must not: one key spending another's budget.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/organizations")).StatusCode);
    }

    [Fact]
    public async Task WithoutAValidKey_FloodFromOneAddress_429_WhileValidKeysAndOtherPathsGoOn()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);
        var guesser = portal.KeyClient($"ia_{key.Prefix}_{new string('A', 43)}"); // a real key's public prefix, a guessed secret

        for (var i = 0; i < ApiRateLimitPortal.Budget; i++)
        {
            await AssertProblemAsync(await guesser.GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
        }

        var refused = await guesser.GetAsync("/api/v1/organizations");
        var anonymous = await portal.KeyClient(null).GetAsync("/api/v1/organizations");

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        await AssertProblemAsync(anonymous, HttpStatusCode.TooManyRequests); // same address, same budget
        // Who must not: guessing at a key's secret spends that key's budget, or this policy limits anything but /api/v1.
        Assert.Equal(HttpStatusCode.OK, (await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.KeyClient(null).GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.KeyClient(null).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.KeyClient("ia_scim_abcdefghijklmnopqrstuvwxyz").GetAsync("/scim/v2/Users")).StatusCode);
    }

    /// <summary>Counts the API's rate-limit rejections by caller kind, as an OpenTelemetry exporter would see them.</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string?> _callers = [];

        public RejectionCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                // By name: the instrument may be published while its static field is still being assigned.
                if (instrument.Meter.Name == IdentityAccessTelemetry.Name && instrument.Name == "identityaccess.api.rate_limit.rejections")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var caller = tags.ToArray().FirstOrDefault(t => t.Key == "identityaccess.api.caller").Value as string;
                lock (_callers)
                {
                    _callers.AddRange(Enumerable.Repeat(caller, (int)value));
                }
            });
            _listener.Start();
        }

        public int Count(string caller)
        {
            lock (_callers)
            {
                return _callers.Count(c => c == caller);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
