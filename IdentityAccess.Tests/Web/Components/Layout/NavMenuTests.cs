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
    private static readonly string[] _organizationPages = ["Members", "Identity and access", "Directory sync log", "Audit log"];
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

    private List<string> LinksFor(string email, Guid organizationId)
    {
        Services.GetRequiredService<SignedInPerson>().Person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.PersonId, _portal.Demo.Person(email).ToString())], "Test"));
        var menu = Render<NavMenu>(p => p.Add(c => c.OrganizationId, organizationId));
        menu.WaitForState(() => menu.FindAll("a").Count > 0);
        return [.. menu.FindAll("a").Select(a => a.TextContent.Trim())];
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
