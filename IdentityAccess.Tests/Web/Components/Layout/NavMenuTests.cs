using System.Security.Claims;
using Bunit;
using IdentityAccess.Core.Access;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Components.Layout;

/// <summary>
/// The menu offers only the pages the person may open, decided from their roles in the database as the pages' gates
/// decide: a member with role User is not shown links that would answer 403.
/// </summary>
public sealed class NavMenuTests : ComponentTest, IClassFixture<SqlitePortalFixture>
{
    // A Claude organization's members and seats page is "Organization", as the help article's path names it.
    private static readonly string[] _organizationPages = ["Organization", "Identity and access", "Directory sync log", "Audit log"];
    private readonly SqlitePortalFixture _portal;

    public NavMenuTests(SqlitePortalFixture portal)
        : base(services =>
        {
            services.AddSingleton(_ => portal.Factory.Services.GetRequiredService<OrganizationAccessService>());
            services.AddAuthorizationCore();
            services.AddCascadingAuthenticationState();
            services.AddSingleton<SignedInPerson>();
            services.AddSingleton<AuthenticationStateProvider>(sp => sp.GetRequiredService<SignedInPerson>());
        }) => _portal = portal;

    private List<string> LinksFor(string email, Guid organizationId) =>
        [.. MenuFor(email, organizationId).FindAll("a").Select(a => a.TextContent.Trim())];

    private IRenderedComponent<NavMenu> MenuFor(string email, Guid organizationId)
    {
        Services.GetRequiredService<SignedInPerson>().Person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.PersonId, _portal.Demo.Person(email).ToString())], "Test"));
        var menu = Render<NavMenu>(p => p.Add(c => c.OrganizationId, organizationId));
        menu.WaitForState(() => menu.FindAll("a").Count > 0);
        return menu;
    }

    [Theory]
    [InlineData("en", "Admin settings", "Organization", "Settings", "Members")]
    [InlineData("pt-BR", "Configurações de Admin", "Organização", "Configurações", "Membros")]
    [InlineData("id", "Admin settings", "Organization", "Settings", "Members")] // the Indonesian edition quotes the paths in English
    public void Owner_FollowsTheArticlesPath_ToMembersAndSeats(string culture, string chatSection, string chatPage, string consoleSection, string consolePage)
    {
        // The article: "Admin settings > Organization (for Claude) or Settings > Members (for Console)".
        using var language = Localizers.UiCulture(culture);

        var chat = MenuFor("alice@acme.test", _portal.Demo.AcmeChat);
        Assert.Equal(chatSection, chat.Find("[data-testid=nav-settings]").TextContent.Trim());
        Assert.Equal(chatPage, chat.Find("[data-testid=nav-members]").TextContent.Trim());

        var console = MenuFor("alice@acme.test", _portal.Demo.AcmeConsole);
        Assert.Equal(consoleSection, console.Find("[data-testid=nav-settings]").TextContent.Trim());
        Assert.Equal(consolePage, console.Find("[data-testid=nav-members]").TextContent.Trim());
    }

    [Fact]
    public void Owner_SeesEveryPageOfTheOrganization()
    {
        var links = LinksFor("alice@acme.test", _portal.Demo.AcmeChat);

        Assert.All(_organizationPages, page => Assert.Contains(page, links));
    }

    [Fact]
    public void MemberWithRoleUser_SeesNoPageThatWouldRefuseThem()
    {
        var links = LinksFor("carol@acme.test", _portal.Demo.AcmeChat);

        Assert.Contains("Your organizations", links);
        Assert.All(_organizationPages, page => Assert.DoesNotContain(page, links));
        Assert.DoesNotContain("Parent organization", links);
        Assert.Empty(MenuFor("carol@acme.test", _portal.Demo.AcmeChat).FindAll("[data-testid=nav-settings]")); // no section with nothing under it
    }

    [Fact]
    public void MemberOfASiblingOrganization_SeesNothingOfThisOne()
    {
        // Oscar is the top role of Acme Labs; in Acme Chat, a sibling, he is nobody.
        var links = LinksFor("oscar@acme.test", _portal.Demo.AcmeChat);

        Assert.All(_organizationPages, page => Assert.DoesNotContain(page, links));
    }
}

/// <summary>The person the test signs in, read by the menu through the cascading authentication state.</summary>
internal sealed class SignedInPerson : AuthenticationStateProvider
{
    public ClaimsPrincipal Person { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(Person));
}
