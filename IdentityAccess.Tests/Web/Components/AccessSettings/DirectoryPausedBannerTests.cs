using System.Net;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>
/// The Identity and access page's "Directory sync is paused" banner and the reader behind it: shown when the parent's
/// plan has no directory sync and the parent has a directory, to those who may see the page, with why and what to do.
/// </summary>
public abstract class DirectoryPausedBannerTests(PortalFixture portal) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await settings.SaveAsync(portal.Demo.AcmeChat, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim },
            portal.Demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private DirectoryPauseReader Reader => portal.Factory.Services.GetRequiredService<DirectoryPauseReader>();

    private async Task AcmeOnTeamPlanAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Team));
    }

    [Fact]
    public async Task Get_PlanWithDirectorySync_NoBanner()
    {
        Assert.Null(await Reader.GetAsync(portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test")));
    }

    [Fact]
    public async Task Get_TeamPlanThatNeverUsedDirectorySync_NoBanner()
    {
        Assert.Null(await Reader.GetAsync(portal.Demo.GlobexTeam, portal.Demo.Person("grace@globex.test")));
    }

    [Fact]
    public async Task Get_PlanChangedToTeam_SaysWhoIsStillOnDirectorySyncAndHowManyPeople()
    {
        await AcmeOnTeamPlanAsync();

        var pause = await Reader.GetAsync(portal.Demo.AcmeConsole, portal.Demo.Person("alice@acme.test"));

        Assert.NotNull(pause);
        Assert.Equal(("Acme Corporation", ParentPlan.Team, "Acme Console", ProvisioningMode.Manual), (pause.ParentName, pause.Plan, pause.OrganizationName, pause.OrganizationMode));
        Assert.Equal(["Acme"], pause.OrganizationsOnDirectorySync);
        Assert.Equal(IdentityAccess.DemoIdp.Seed.DemoDirectory.Users.Count, pause.DirectoryUsers); // the demo directory's people, whose memberships are kept
    }

    [Fact]
    public async Task Get_PersonWhoMayNotSeeThePage_Nothing()
    {
        await AcmeOnTeamPlanAsync();

        Assert.Null(await Reader.GetAsync(portal.Demo.AcmeChat, portal.Demo.Person("carol@acme.test"))); // a User of Acme
        Assert.Null(await Reader.GetAsync(portal.Demo.AcmeChat, portal.Demo.Person("grace@globex.test"))); // another parent's admin
        Assert.Null(await Reader.GetAsync(portal.Demo.AcmeChat, null));
    }

    [Fact]
    public async Task IdentityPage_PlanChangedToTeam_ShowsTheBannerWithWhatToDo()
    {
        await AcmeOnTeamPlanAsync();

        // Decoded: the banner's words are one resource each, so the apostrophe in "Corporation's" is written encoded.
        var html = WebUtility.HtmlDecode(await (await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/identity")).Content.ReadAsStringAsync());

        Assert.Contains("data-testid=\"directory-paused\"", html, StringComparison.Ordinal);
        Assert.Contains("Directory sync is paused", html, StringComparison.Ordinal);
        Assert.Contains("Acme Corporation is on the Team plan, which does not include directory sync (SCIM).", html, StringComparison.Ordinal);
        Assert.Contains("change Acme Corporation's plan to Enterprise", html, StringComparison.Ordinal);
        Assert.Contains("switch Acme to Manual or Just in time (JIT)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityPage_EnterprisePlan_NoBanner()
    {
        var html = await (await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/identity")).Content.ReadAsStringAsync();

        Assert.Contains("Identity and access", html, StringComparison.Ordinal);
        Assert.DoesNotContain("directory-paused", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteDirectoryPausedBannerTests() : DirectoryPausedBannerTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresDirectoryPausedBannerTests() : DirectoryPausedBannerTests(new PostgresPortalFixture());
