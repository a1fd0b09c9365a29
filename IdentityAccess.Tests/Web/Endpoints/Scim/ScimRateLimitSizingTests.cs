using System.Net;
using System.Threading.RateLimiting;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Scim;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>
/// Both sides of the per-directory limit: an IdP's full initial push never meets a 429, a runaway client does. The
/// defaults are tried on the real token bucket (no clock involved: the bucket alone must hold a push); the policy
/// itself over HTTP with a bucket sized for a small push.
/// </summary>
public sealed class ScimRateLimitSizingTests : IAsyncLifetime
{
    private const int PushedUsers = 10;
    private const int Concurrency = 8;
    private readonly SqlitePortalFixture _portal = new();
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync()
    {
        // A bucket of exactly a push of PushedUsers (a lookup and a POST each, as Entra and scripts do), refilled hourly.
        _portal.Settings["Scim:RateLimit:TokenLimit"] = (2 * PushedUsers).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _portal.Settings["Scim:RateLimit:TokensPerPeriod"] = "1";
        _portal.Settings["Scim:RateLimit:ReplenishmentPeriod"] = "01:00:00";
        await _portal.InitializeAsync();
        _acme = await AcmeScimDirectory.StartAsync(_portal);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task PushAtConcurrency8AsFastAsTheServerAnswers_WithinTheBucket_No429_ThenTheRunawayRequest429()
    {
        var next = -1;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < PushedUsers; i = Interlocked.Increment(ref next))
            {
                statuses.Add((await _acme.Client.GetAsync($"/scim/v2/Users?filter=userName eq \"push{i}@acme.test\"")).StatusCode);
                statuses.Add((await _acme.PostAsync($$"""{"userName":"push{{i}}@acme.test","active":true}""")).StatusCode);
            }
        }));

        Assert.Equal(2 * PushedUsers, statuses.Count);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(PushedUsers, statuses.Count(s => s == HttpStatusCode.Created));
        var runaway = await _acme.Client.GetAsync("/scim/v2/Users?count=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, runaway.StatusCode);
        Assert.NotNull(runaway.Headers.RetryAfter);
    }

    [Fact]
    public void Defaults_HoldAFullInitialPushOf10000Users_WhateverTheServerSpeed()
    {
        // 10,000 users: a userName lookup and a POST each, plus 1,000 group creates and member PATCHes. Taken at once from a
        // fresh bucket that is never refilled: what a client as fast as any server could answer would see.
        using var bucket = new TokenBucketRateLimiter(new ScimRateLimitOptions().ToBucket(autoReplenishment: false));
        var refused = 0;
        for (var i = 0; i < 2 * 10_000 + 1_000; i++)
        {
            using var lease = bucket.AttemptAcquire();
            refused += lease.IsAcquired ? 0 : 1;
        }

        Assert.Equal(0, refused);
    }

    [Fact]
    public void Defaults_RunawayClient_Refused_AndTheRefillIsFourTimesEntrasRate()
    {
        var defaults = new ScimRateLimitOptions();
        using var bucket = new TokenBucketRateLimiter(defaults.ToBucket(autoReplenishment: false));
        var accepted = 0;
        for (var i = 0; i < defaults.TokenLimit + 10_000; i++)
        {
            using var lease = bucket.AttemptAcquire();
            accepted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(defaults.TokenLimit, accepted); // a loop sending 10,000 beyond the bucket gets 429s
        Assert.True(defaults.TokensPerPeriod / defaults.ReplenishmentPeriod.TotalSeconds >= 4 * 25); // Entra's gallery bar is 25/s
    }
}
