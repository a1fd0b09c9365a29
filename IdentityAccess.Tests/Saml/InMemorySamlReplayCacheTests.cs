using IdentityAccess.Core.Saml;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Saml;

public sealed class InMemorySamlReplayCacheTests
{
    private readonly FakeTimeProvider _time = new(SamlScenario.Now);
    private readonly InMemorySamlReplayCache _cache;

    public InMemorySamlReplayCacheTests() => _cache = new InMemorySamlReplayCache(_time);

    [Fact]
    public async Task TryRemember_SameIdBeforeExpiry_RefusedTheSecondTime()
    {
        Assert.True(await _cache.TryRememberAsync("_a1", SamlScenario.Now.AddMinutes(5)));
        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.False(await _cache.TryRememberAsync("_a1", SamlScenario.Now.AddMinutes(9)));
        Assert.True(await _cache.TryRememberAsync("_a2", SamlScenario.Now.AddMinutes(9)));
    }

    [Fact]
    public async Task TryRemember_SameIdAfterExpiry_AcceptedAgain()
    {
        await _cache.TryRememberAsync("_a1", SamlScenario.Now.AddMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await _cache.TryRememberAsync("_a1", SamlScenario.Now.AddMinutes(10)));
        Assert.False(await _cache.TryRememberAsync("_a1", SamlScenario.Now.AddMinutes(10)));
    }

    [Fact]
    public async Task TryRemember_ExpiredEntries_Purged()
    {
        for (var i = 0; i < 100; i++)
        {
            await _cache.TryRememberAsync($"_old{i}", SamlScenario.Now.AddMinutes(5));
        }

        _time.Advance(TimeSpan.FromMinutes(6));
        await _cache.TryRememberAsync("_new", SamlScenario.Now.AddMinutes(20));

        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task TryRemember_ManyConcurrentCallersWithOneId_ExactlyOneWins()
    {
        await _cache.TryRememberAsync("_expired", SamlScenario.Now.AddSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1)); // also race on replacing an expired, not yet purged entry

        foreach (var id in new[] { "_fresh", "_expired" })
        {
            using var start = new ManualResetEventSlim();
            var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await _cache.TryRememberAsync(id, SamlScenario.Now.AddMinutes(5));
            })).ToList();
            start.Set();

            var results = await Task.WhenAll(callers);

            Assert.Single(results, won => won);
        }
    }
}
