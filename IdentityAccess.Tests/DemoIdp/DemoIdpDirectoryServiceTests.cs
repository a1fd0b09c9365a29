using IdentityAccess.DemoIdp;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.DemoIdp;

/// <summary>The demo IdP's directory rules: one tenant per group, unique emails, immutable ids that never change.</summary>
public sealed class DemoIdpDirectoryServiceTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private DemoIdpDirectoryService Directory => _portal.Factory.Services.GetRequiredService<DemoIdpDirectoryService>();

    [Fact]
    public async Task Seed_HoldsBothTenantsAndNewcomersWithoutAccounts()
    {
        var directory = await Directory.GetAsync();

        Assert.Equal(["acme.test", "globex.test"], directory.Domains);
        Assert.Contains(directory.People, p => p.Email == "frank@acme.test" && !_portal.Demo.PeopleByEmail.ContainsKey(p.Email));
        Assert.Contains(directory.People, p => p.Email == "iris@globex.test" && !_portal.Demo.PeopleByEmail.ContainsKey(p.Email));
        var frank = directory.People.Single(p => p.Email == "frank@acme.test");
        Assert.Contains(directory.GroupsOf(frank.Id), g => g.DisplayName == "acme-engineering");
    }

    [Fact]
    public async Task SaveGroup_MemberOfAnotherDomain_IsRefused()
    {
        var directory = await Directory.GetAsync();
        var grace = directory.People.Single(p => p.Email == "grace@globex.test");

        var error = await Directory.SaveGroupAsync(null, "mixed", "acme.test", [grace.Id]);

        Assert.IsType<DemoDirectoryInputInvalid>(error);
        Assert.DoesNotContain((await Directory.GetAsync()).Groups, g => g.DisplayName == "mixed");
    }

    [Theory]
    [InlineData("ALICE@acme.test", "Alice Again")] // already there, whatever the case
    [InlineData("not-an-email", "Someone")]
    [InlineData("someone@acme.test", " ")]
    public async Task SavePerson_DuplicateOrInvalid_IsRefused(string email, string name) =>
        Assert.IsType<DemoDirectoryInputInvalid>(await Directory.SavePersonAsync(null, email, name, active: true));

    [Fact]
    public async Task SavePerson_EmailChanged_KeepsTheImmutableId()
    {
        var carol = (await Directory.GetAsync()).People.Single(p => p.Email == "carol@acme.test");

        Assert.Null(await Directory.SavePersonAsync(carol.Id, "carol.chen@acme.test", "Carol Chen", active: true));

        var renamed = (await Directory.GetAsync()).People.Single(p => p.Id == carol.Id);
        Assert.Equal(("carol.chen@acme.test", carol.ImmutableId), (renamed.Email, renamed.ImmutableId));
    }
}
