using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>
/// Removing a verified domain cuts people off from SSO, so it is previewed and confirmed by typing it (on the server,
/// not only in the dialog); its TXT value is kept 30 days so re-adding it needs no DNS change, for that parent only.
/// </summary>
public abstract class DomainRemovalTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(TestClockStart.OfProcess); // the same start for every test: one app handed on
    private Guid _alice;
    private Guid _acmeTest;

    protected DomainRemovalTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
        ClockJumps.QuietBackgroundLoops(_portal.Settings); // a test moves the clock by 60 days
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _alice = _portal.Demo.Person("alice@acme.test");
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _acmeTest = await db.VerifiedDomains.Where(d => d.Domain == "acme.test").Select(d => d.Id).SingleAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private DomainService Domains => _portal.Factory.Services.GetRequiredService<DomainService>();

    private Guid Acme => _portal.Demo.AcmeParent;

    private async Task<string?> TxtValueAsync(Guid parentId, string domain)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return (await db.VerifiedDomains.AsNoTracking().SingleOrDefaultAsync(d => d.ParentOrganizationId == parentId && d.Domain == domain))?.TxtRecordValue;
    }

    [Fact]
    public async Task PreviewRemoval_VerifiedDomainPeopleSignInThrough_CountsThemAndAsksForTheDomainTyped()
    {
        var (impact, refused) = await Domains.PreviewRemovalAsync(Acme, _acmeTest, _alice);

        Assert.Null(refused);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var members = await db.Memberships.Where(m => m.Organization!.ParentOrganizationId == Acme && m.Status == IdentityAccess.Core.Members.MembershipStatus.Active
            && m.Person!.NormalizedEmail.EndsWith("@ACME.TEST")).Select(m => m.PersonId).Distinct().CountAsync();
        Assert.True(members > 0);
        Assert.Equal((members, true, true, true), (impact!.Members, impact.SsoEnabled, impact.LastVerifiedDomain, impact.NeedsTypedConfirmation));
        var directory = await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == Acme);
        Assert.True(directory > 0);
        Assert.Equal(directory, impact.DirectoryUsers); // the demo directory's people are all at acme.test
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acme")]
    [InlineData("globex.test")]
    public async Task Remove_VerifiedDomainWithoutItTyped_RefusedAndKept(string? typed)
    {
        var refused = await Domains.RemoveAsync(Acme, _acmeTest, _alice, typed);

        Assert.IsType<DomainRemovalNotConfirmed>(refused);
        Assert.NotNull(await TxtValueAsync(Acme, "acme.test"));
        Assert.NotNull(await Domains.ParentForEmailAsync("dave@acme.test"));
    }

    [Fact]
    public async Task Remove_TypedThenReAddedWithin30Days_SameTxtValue_After30DaysANewOne()
    {
        var value = await TxtValueAsync(Acme, "acme.test");

        Assert.Null(await Domains.RemoveAsync(Acme, _acmeTest, _alice, " ACME.test "));
        Assert.Null(await Domains.ParentForEmailAsync("dave@acme.test"));
        _time.Advance(TimeSpan.FromDays(29));
        Assert.Null(await Domains.AddAsync(Acme, "acme.test", _alice));
        Assert.Equal(value, await TxtValueAsync(Acme, "acme.test"));

        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var readded = await db.VerifiedDomains.Where(d => d.Domain == "acme.test").Select(d => d.Id).SingleAsync();
            Assert.Null(await Domains.RemoveAsync(Acme, readded, _alice)); // pending: nobody depends on it, no typing
        }

        _time.Advance(TimeSpan.FromDays(31));
        Assert.Null(await Domains.AddAsync(Acme, "acme.test", _alice));
        Assert.NotEqual(value, await TxtValueAsync(Acme, "acme.test"));
    }

    [Fact]
    public async Task Remove_ThenAnotherParentAddsTheDomain_GetsAValueOfItsOwn()
    {
        var value = await TxtValueAsync(Acme, "acme.test");
        Assert.Null(await Domains.RemoveAsync(Acme, _acmeTest, _alice, "acme.test"));

        Assert.Null(await Domains.AddAsync(_portal.Demo.GlobexParent, "acme.test", _portal.Demo.Person("grace@globex.test")));

        Assert.NotEqual(value, await TxtValueAsync(_portal.Demo.GlobexParent, "acme.test"));
    }

    [Theory]
    [InlineData("oscar@acme.test", RefusalCategory.NotAllowed)]
    [InlineData("grace@globex.test", RefusalCategory.NotFound)]
    public async Task PreviewAndRemove_AnyoneButAParentAdmin_RefusedAndNothingRemoved(string email, RefusalCategory expected)
    {
        var person = _portal.Demo.Person(email);

        var (impact, previewRefused) = await Domains.PreviewRemovalAsync(Acme, _acmeTest, person);
        var removeRefused = await Domains.RemoveAsync(Acme, _acmeTest, person, "acme.test");

        Assert.Null(impact);
        Assert.Equal(expected, previewRefused?.Category);
        Assert.Equal(expected, removeRefused?.Category);
        Assert.NotNull(await TxtValueAsync(Acme, "acme.test"));
    }
}

public sealed class SqliteDomainRemovalTests() : DomainRemovalTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresDomainRemovalTests() : DomainRemovalTests(new PostgresPortalFixture());
