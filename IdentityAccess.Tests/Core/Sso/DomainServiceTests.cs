using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>Domain verification against a real DNS server on 127.0.0.1 (dnsmasq), the way an owner goes through it.</summary>
public sealed class DomainServiceTests : IAsyncLifetime
{
    // One address for the class's DNS server: the app's settings stay the same from test to test, so each test takes
    // the started app the last one handed on (StartedPortals) instead of starting its own.
    private static readonly int _dnsPort = DnsmasqServer.FreePort();
    private readonly SqlitePortalFixture _portal = new();
    private DnsmasqServer _dns = default!;
    private Guid _alice;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        _dns = await DnsmasqServer.StartAsync([("unrelated.example", "v=spf1 -all")], _dnsPort);
        _portal.Settings["Sso:Dns:Servers:0"] = _dns.Address;
        await _portal.InitializeAsync();
        (_alice, _acme) = (_portal.Demo.Person("alice@acme.test"), _portal.Demo.AcmeParent);
    }

    public async Task DisposeAsync()
    {
        _dns.Dispose();
        await _portal.DisposeAsync();
    }

    private DomainService Domains => _portal.Factory.Services.GetRequiredService<DomainService>();

    [Fact]
    public async Task Add_then_publish_the_TXT_record_then_Verify_marks_it_verified_and_routes_its_emails()
    {
        Assert.Null(await Domains.AddAsync(_acme, " Contoso.COM. ", _alice));
        var added = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Domain == "contoso.com");
        Assert.Equal(DomainStatus.Pending, added.Status);
        Assert.StartsWith(DomainChallenge.RecordPrefix, added.TxtRecordValue, StringComparison.Ordinal);

        var tooEarly = await Domains.VerifyAsync(_acme, added.Id, _alice);
        Assert.NotNull(tooEarly);
        Assert.Null(await Domains.ParentForEmailAsync("someone@contoso.com"));

        // The owner publishes the record: the same DNS server now answers it.
        var port = _dns.Port;
        _dns.Dispose();
        _dns = await DnsmasqServer.StartAsync([("contoso.com", "google-site-verification=something-else"), ("contoso.com", added.TxtRecordValue)], port);

        Assert.Null(await Domains.VerifyAsync(_acme, added.Id, _alice));
        var verified = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Domain == "contoso.com");
        Assert.Equal(DomainStatus.Verified, verified.Status);
        Assert.NotNull(verified.VerifiedAt);
        Assert.NotNull(await Domains.ParentForEmailAsync("Someone@Contoso.com"));
    }

    [Fact]
    public async Task Verify_with_a_different_TXT_value_stays_pending_and_says_what_it_found()
    {
        Assert.Null(await Domains.AddAsync(_acme, "unrelated.example", _alice));
        var domain = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Domain == "unrelated.example");

        var error = await Domains.VerifyAsync(_acme, domain.Id, _alice);

        Assert.Contains("none with the value", error!.Message, StringComparison.Ordinal);
        Assert.Equal(DomainStatus.Pending, (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Id == domain.Id).Status);
    }

    [Fact]
    public async Task Verify_KeepsWhatItFound_AsACode_WhoseEnglishIsTheRefusal()
    {
        Assert.Null(await Domains.AddAsync(_acme, "unrelated.example", _alice));
        var domain = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Domain == "unrelated.example");

        var error = await Domains.VerifyAsync(_acme, domain.Id, _alice);

        var stored = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Id == domain.Id).LastCheckResult;
        var result = DomainCheckResult.Read(stored);
        Assert.NotNull(result);
        Assert.Equal(DomainCheckCode.TxtRecordDifferent, result.Code);
        Assert.Equal(["1", "unrelated.example", domain.TxtRecordValue], result.Values);
        Assert.Equal(error!.Message, result.English);
        Assert.Equal(error.Message, DomainCheckResult.EnglishOf(stored)); // what the command line prints
    }

    [Fact]
    public async Task Verify_ByAnyoneButAParentAdmin_LeavesTheLastResultAsItWas()
    {
        Assert.Null(await Domains.AddAsync(_acme, "unrelated.example", _alice));
        var domain = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Domain == "unrelated.example");
        await Domains.VerifyAsync(_acme, domain.Id, _alice);
        var before = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Id == domain.Id);

        Assert.IsType<AccessRefused>(await Domains.VerifyAsync(_acme, domain.Id, _portal.Demo.Person("oscar@acme.test")));
        Assert.IsType<AccessRefused>(await Domains.VerifyAsync(_acme, domain.Id, _portal.Demo.Person("carol@acme.test")));
        var grace = _portal.Demo.Person("grace@globex.test"); // another parent's admin, through her parent or through Acme's
        Assert.NotNull(await Domains.VerifyAsync(_portal.Demo.GlobexParent, domain.Id, grace));
        Assert.IsType<ParentNotFound>(await Domains.VerifyAsync(_acme, domain.Id, grace)); // not even told it exists

        var after = (await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Id == domain.Id);
        Assert.Equal((before.LastCheckedAt, before.LastCheckResult), (after.LastCheckedAt, after.LastCheckResult));
    }

    [Theory]
    [InlineData("No TXT record at contoso.com yet.")]
    [InlineData("{not ours")]
    [InlineData(null)]
    public void Read_ARowCheckedBeforeTheCodes_Null_ItsTextShowsAsIs(string? stored)
    {
        Assert.Null(DomainCheckResult.Read(stored));
        Assert.Equal(stored, DomainCheckResult.EnglishOf(stored));
    }

    [Fact]
    public void Write_ALongDnsError_FitsItsColumn_AndReadsBack()
    {
        var stored = DomainCheckResult.Of(DomainCheckCode.DnsError, new string('x', 2_000)).Write();

        Assert.True(stored.Length <= VerifiedDomain.MaxLastCheckResultLength);
        Assert.Equal(DomainCheckCode.DnsError, DomainCheckResult.Read(stored)!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("10.0.0.1")]
    [InlineData("bad_domain.com")]
    [InlineData("-x.com")]
    public async Task Add_refuses_what_is_not_a_domain_name(string input) =>
        Assert.NotNull(await Domains.AddAsync(_acme, input, _alice));

    [Fact]
    public async Task A_domain_verified_by_another_parent_cannot_be_claimed() =>
        Assert.IsType<DomainVerifiedElsewhere>(await Domains.AddAsync(_portal.Demo.GlobexParent, "acme.test", _portal.Demo.Person("grace@globex.test")));

    [Fact]
    public async Task Someone_without_the_right_can_neither_see_nor_add()
    {
        var carol = _portal.Demo.Person("carol@acme.test");
        Assert.Null(await Domains.ListAsync(_portal.Demo.AcmeChat, carol));
        Assert.Null(await Domains.ListForParentAsync(_acme, carol));
        Assert.Equal(RefusalCategory.NotAllowed, (await Domains.AddAsync(_acme, "contoso.com", carol))!.Category);
    }

    [Fact]
    public async Task Verify_by_an_organization_admin_who_is_not_a_parent_admin_is_refused_before_any_lookup()
    {
        var oscar = _portal.Demo.Person("oscar@acme.test");
        Assert.Null(await Domains.AddAsync(_acme, "unrelated.example", _alice));
        var domain = (await Domains.ListAsync(_portal.Demo.AcmeLabs, oscar))!.Single(d => d.Domain == "unrelated.example");

        var refused = await Domains.VerifyAsync(_acme, domain.Id, oscar);

        Assert.IsType<AccessRefused>(refused);
        Assert.Null((await Domains.ListAsync(_portal.Demo.AcmeChat, _alice))!.Single(d => d.Id == domain.Id).LastCheckedAt);
    }

    [Fact]
    public void International_names_are_stored_in_their_ASCII_form() =>
        Assert.Equal("xn--bcher-kva.de", DomainChallenge.Normalize("Bücher.de").Domain);
}
