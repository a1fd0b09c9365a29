using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sso.Metadata;

/// <summary>
/// Metadata by URL against a metadata server on 127.0.0.1 that rotates its key, goes down, serves junk or another IdP:
/// the import, the scheduled refresh (one instance at a time), Refresh now, the rollback, and who may do none of it.
/// </summary>
public abstract class SamlMetadataRefreshTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(TestClockStart.OfProcess); // the same start for every test: one app handed on
    private MetadataServer _idp = default!;
    private Guid _alice;

    protected SamlMetadataRefreshTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
        _portal.Settings["Sso:MetadataRefresh:AllowPrivateAddresses"] = "true"; // the metadata server is on 127.0.0.1
        _portal.Settings["Sso:MetadataRefresh:Enabled"] = "false"; // the tests run each pass themselves
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _idp = await MetadataServer.StartAsync();
        _alice = _portal.Demo.Person("alice@acme.test");
    }

    public async Task DisposeAsync()
    {
        await _idp.DisposeAsync();
        await _portal.DisposeAsync();
    }

    private T Service<T>()
        where T : notnull => _portal.Factory.Services.GetRequiredService<T>();

    private SamlMetadataRefreshService Refresh => Service<SamlMetadataRefreshService>();

    private Guid Acme => _portal.Demo.AcmeParent;

    private async Task<SamlConnection> ConnectionAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SamlConnections.AsNoTracking().SingleAsync(c => c.ParentOrganizationId == Acme);
    }

    private async Task<SamlMetadataSource?> SourceAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.SamlMetadataSources.AsNoTracking().SingleOrDefaultAsync(s => s.ParentOrganizationId == Acme);
    }

    private static IReadOnlyList<string> Keys(SamlConnection connection) => CertificateFingerprints.Sha256(connection.LoadCertificates());

    private static IReadOnlyList<string> Keys(params System.Security.Cryptography.X509Certificates.X509Certificate2[] certificates) =>
        CertificateFingerprints.Sha256(certificates);

    private async Task ImportAsync() => Assert.Null(await Refresh.ImportFromUrlAsync(Acme, _idp.Url.AbsoluteUri, SamlAttributePreset.Okta, _alice));

    [Fact]
    public async Task ImportFromUrl_ParentAdmin_TrustsItsKeysKeepsTheUrlAndAuditsBoth()
    {
        await ImportAsync();

        var connection = await ConnectionAsync();
        Assert.Equal((SamlScenario.IdpEntityId, SamlAttributePreset.Okta), (connection.EntityId, connection.Preset));
        Assert.Equal(Keys(SamlTestKeys.Idp), Keys(connection));
        var source = (await SourceAsync())!;
        Assert.Equal(_idp.Url.AbsoluteUri, source.Url);
        Assert.Equal(_time.GetUtcNow().AddHours(24), source.NextRefreshAt);
        Assert.NotNull(source.ETag);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var imported = await db.AuditEvents.SingleAsync(e => e.Action == "sso.metadata-imported" && e.ActorPersonId == _alice);
        Assert.Contains(Keys(SamlTestKeys.Idp)[0], imported.After!, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-url-set" && e.ActorPersonId == _alice));
    }

    [Theory]
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)] // Admin of a sibling organization, not a parent admin
    [InlineData("bob@acme.test", RefusalCategory.NotAllowed)]   // chat Admin of Acme
    [InlineData("grace@globex.test", RefusalCategory.NotFound)] // another parent's admin
    public async Task ImportFromUrl_AnyoneButAParentAdmin_RefusedBeforeAnythingIsFetched(string email, RefusalCategory expected)
    {
        var before = await ConnectionAsync();

        var refused = await Refresh.ImportFromUrlAsync(Acme, _idp.Url.AbsoluteUri, SamlAttributePreset.Okta, _portal.Demo.Person(email));

        Assert.Equal(expected, refused?.Category);
        Assert.Equal(0, _idp.RequestCount); // nobody but a parent admin can make the server fetch a URL
        Assert.Equal(Keys(before), Keys(await ConnectionAsync()));
        Assert.Null(await SourceAsync());
    }

    [Fact]
    public async Task RefreshDue_IdpPublishedItsNextKey_TrustsBothAndAuditsTheFingerprintsBeforeAndAfter()
    {
        await ImportAsync();
        _idp.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];
        _time.Advance(TimeSpan.FromHours(24));

        Assert.Equal(1, await Service<SamlMetadataRefresher>().RefreshDueAsync());

        Assert.Equal(Keys(SamlTestKeys.Idp, SamlTestKeys.IdpNext), Keys(await ConnectionAsync()));
        var source = (await SourceAsync())!;
        Assert.Equal((_time.GetUtcNow(), _time.GetUtcNow(), (string?)null), (source.LastChangedAt, source.LastCheckedAt, source.LastError));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var refreshed = await db.AuditEvents.SingleAsync(e => e.Action == "sso.metadata-refreshed");
        Assert.Contains("Metadata refresh", refreshed.Actor, StringComparison.Ordinal);
        Assert.DoesNotContain(Keys(SamlTestKeys.IdpNext)[0], refreshed.Before!, StringComparison.Ordinal);
        Assert.Contains(Keys(SamlTestKeys.IdpNext)[0], refreshed.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshDue_NothingDueOrNothingChanged_NoFetchThenA304AndNoAudit()
    {
        await ImportAsync();
        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await Service<SamlMetadataRefresher>().RefreshDueAsync());

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Service<SamlMetadataRefresher>().RefreshDueAsync());

        Assert.Equal(1, _idp.NotModifiedCount);
        Assert.Equal(_time.GetUtcNow().AddHours(24), (await SourceAsync())!.NextRefreshAt);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-refreshed"));
    }

    [Theory]
    [InlineData(MetadataServer.Behaviour.ServerError, "HTTP 503")]
    [InlineData(MetadataServer.Behaviour.Malformed, "not readable XML")]
    public async Task RefreshDue_ServerFails_KeepsTheLastGoodKeysAndSaysSinceWhenThenRecovers(MetadataServer.Behaviour failure, string expected)
    {
        await ImportAsync();
        _idp.Mode = failure;
        _time.Advance(TimeSpan.FromHours(24));
        var failedAt = _time.GetUtcNow();
        await Service<SamlMetadataRefresher>().RefreshDueAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await Service<SamlMetadataRefresher>().RefreshDueAsync(); // still failing: since when does not move

        var failing = (await SourceAsync())!;
        Assert.Contains(expected, failing.LastError, StringComparison.Ordinal);
        Assert.Equal(failedAt, failing.FailingSince);
        Assert.Equal(Keys(SamlTestKeys.Idp), Keys(await ConnectionAsync()));

        _idp.Mode = MetadataServer.Behaviour.Serve;
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Service<SamlMetadataRefresher>().RefreshDueAsync());
        var recovered = (await SourceAsync())!;
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (recovered.LastError, recovered.FailingSince));
    }

    [Fact]
    public async Task RefreshDue_UrlNowServesAnotherIdp_NotAppliedAndSaysSo()
    {
        await ImportAsync();
        _idp.EntityId = "https://attacker.example.test/idp";
        _idp.Certificates = [SamlTestKeys.Attacker];
        _time.Advance(TimeSpan.FromHours(24));

        await Service<SamlMetadataRefresher>().RefreshDueAsync();

        var connection = await ConnectionAsync();
        Assert.Equal(SamlScenario.IdpEntityId, connection.EntityId);
        Assert.Equal(Keys(SamlTestKeys.Idp), Keys(connection));
        Assert.Contains("now for another IdP", (await SourceAsync())!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshDue_TwoInstancesPollingAtOnce_OnlyOneFetches()
    {
        await ImportAsync();
        _idp.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];
        _time.Advance(TimeSpan.FromHours(24));
        var requestsBefore = _idp.RequestCount;
        var refresher = Service<SamlMetadataRefresher>();

        var fetched = await Task.WhenAll(refresher.RefreshDueAsync(), refresher.RefreshDueAsync(), refresher.RefreshDueAsync());

        Assert.Equal(1, fetched.Sum());
        Assert.Equal(requestsBefore + 1, _idp.RequestCount);
    }

    [Fact]
    public async Task RollBack_AfterARefreshChangedTheKeys_PutsThePreviousKeysBackAndPausesUntilRefreshNow()
    {
        await ImportAsync();
        _idp.Certificates = [SamlTestKeys.IdpNext];
        _time.Advance(TimeSpan.FromHours(24));
        await Service<SamlMetadataRefresher>().RefreshDueAsync();
        Assert.Equal(Keys(SamlTestKeys.IdpNext), Keys(await ConnectionAsync()));

        Assert.Null(await Refresh.RollBackAsync(Acme, _alice));

        Assert.Equal(Keys(SamlTestKeys.Idp), Keys(await ConnectionAsync()));
        Assert.NotNull((await SourceAsync())!.PausedAt);
        _time.Advance(TimeSpan.FromHours(48));
        Assert.Equal(0, await Service<SamlMetadataRefresher>().RefreshDueAsync()); // paused: the rolled-back key does not come back by itself
        Assert.Null(await Refresh.RefreshNowAsync(Acme, _alice));
        Assert.Equal(Keys(SamlTestKeys.IdpNext), Keys(await ConnectionAsync()));
        Assert.Null((await SourceAsync())!.PausedAt);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.metadata-rolled-back" && e.ActorPersonId == _alice));
    }

    [Fact]
    public async Task RollBack_NothingReplacedYet_RefusedAsAConflict()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.SamlConnections.ExecuteUpdateAsync(set => set.SetProperty(c => c.PreviousSigningCertificatesPem, (string?)null));
        }

        Assert.IsType<NoPreviousMetadata>(await Refresh.RollBackAsync(Acme, _alice));
    }

    [Fact]
    public async Task PasteImport_AfterAUrlImport_StopsTheRefreshFromTheUrl()
    {
        await ImportAsync();

        Assert.Null(await Service<SamlConnectionService>().ImportMetadataAsync(Acme, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)),
            SamlAttributePreset.Okta, _alice));

        Assert.Null(await SourceAsync());
        Assert.IsType<MetadataSourceMissing>(await Refresh.RefreshNowAsync(Acme, _alice));
    }

    [Fact]
    public async Task StopRefreshing_KeepsTheMetadataAndForgetsTheUrl()
    {
        await ImportAsync();

        Assert.Null(await Refresh.StopRefreshingAsync(Acme, _alice));

        Assert.Null(await SourceAsync());
        Assert.Equal(Keys(SamlTestKeys.Idp), Keys(await ConnectionAsync()));
    }

    [Fact]
    public async Task RefreshNow_ByAChatAdmin_RefusedAndNothingFetched()
    {
        await ImportAsync();
        var requests = _idp.RequestCount;

        var refused = await Refresh.RefreshNowAsync(Acme, _portal.Demo.Person("bob@acme.test"));

        Assert.IsType<AccessRefused>(refused);
        Assert.Equal(requests, _idp.RequestCount);
    }
}

public sealed class SqliteSamlMetadataRefreshTests() : SamlMetadataRefreshTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlMetadataRefreshTests() : SamlMetadataRefreshTests(new PostgresPortalFixture());
