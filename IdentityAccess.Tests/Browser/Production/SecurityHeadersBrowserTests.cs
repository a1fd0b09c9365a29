using System.Text.RegularExpressions;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Production;

/// <summary>The portal in Production sends its Content-Security-Policy, and Blazor Server and MudBlazor work under it.</summary>
[Trait("Category", "Browser")]
public sealed class SecurityHeadersBrowserTests(ProductionBrowserFixture portal) : IClassFixture<ProductionBrowserFixture>
{
    [Fact]
    public async Task MembersPage_InProduction_WorksOverTheCircuitWithoutAnyCspViolation()
    {
        var page = await portal.SignedInPageAsync("alice@acme.test");
        var errors = RecordErrors(page);

        var response = await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);

        var policy = await response!.HeaderValueAsync("content-security-policy");
        var nonce = Regex.Match(policy!, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(nonce), policy);
        // Only Blazor's import map runs inline, with this response's nonce (browsers hide the attribute; the property keeps it).
        Assert.Equal(nonce, await page.EvaluateAsync<string>("document.querySelector('script[type=importmap]').nonce"));
        Assert.Equal(1, await page.Locator("script:not([src])").CountAsync());
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        Assert.Equal("same-origin", await response.HeaderValueAsync("referrer-policy"));
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        // Clicks and typing handled over the circuit: the search filters, the switcher's menu opens and navigates.
        await page.GetByLabel("Search members").FillAsync("diaz");
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByTestId("org-switcher").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Acme Console" }).ClickAsync();
        await Expect(page.GetByTestId("member-table").Locator("tbody tr").Filter(new() { HasText = "Erin Evans" })).ToContainTextAsync("Developer");
        await page.GetByTestId("sessions-menu").ClickAsync();
        await Expect(page.GetByTestId("open-sessions")).ToContainTextAsync("this browser");
        await Screenshots.SaveAsync(page, "production-csp-sessions-menu");

        Assert.Empty(await page.EvaluateAsync<string[]>("window.cspViolations"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SsoEmailStep_InProduction_StillReachesTheIdentityProviderOfAnotherOrigin()
    {
        // Acme's IdP stands on another origin (localhost, where the page is 127.0.0.1): the email step's form posts to the
        // portal, which sends the browser on to the IdP. form-action 'self' must not stop that.
        var idp = portal.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/healthz";
        await using (var db = await portal.Factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync())
        {
            var acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
            await db.SamlConnections.Where(c => c.ParentOrganizationId == acme)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SingleSignOnUrl, idp));
        }

        var page = await (await portal.NewContextAsync(new() { BaseURL = portal.BaseUrl })).NewPageAsync();
        await page.AddInitScriptAsync("window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));");
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page);
        await page.GetByLabel("Work email").FillAsync("carol@acme.test");
        await page.GetByTestId("sso-email-continue").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(idp) + @"\?SAMLRequest="));
        await Expect(page.Locator("body")).ToContainTextAsync("Healthy");
    }

    private static List<string> RecordErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
