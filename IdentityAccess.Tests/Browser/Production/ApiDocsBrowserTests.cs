using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Production;

/// <summary>
/// /api/docs in Production, as a reader opens it: Scalar renders the management API's document under the portal's own
/// Content-Security-Policy, and everything it loads comes from the portal (it works with no Internet).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ApiDocsBrowserTests(ProductionBrowserFixture portal) : IClassFixture<ProductionBrowserFixture>
{
    [Fact]
    public async Task Docs_InProduction_RenderTheApiOffline_WithoutAnyCspViolation()
    {
        var context = await portal.NewContextAsync(new() { BaseURL = portal.BaseUrl, ViewportSize = new() { Width = 1360, Height = 1000 } });
        await context.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        var elsewhere = new List<string>();
        // Offline: any request to another origin is recorded and refused, as it would fail on a machine without Internet.
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(portal.BaseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/api/docs");

        await Expect(page.GetByText("List the parent's organizations").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("IdentityAccess management API").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "api-docs");
        // One probe is expected and harmless: Scalar's schema library (Zod) tries `Function("")` once, inside a try, to
        // choose between compiled and interpreted parsing, and works without it; so the policy gains no 'unsafe-eval'.
        Assert.DoesNotContain((await page.EvaluateAsync<string[]>("window.cspViolations")), v => v != "script-src eval");
        Assert.Empty(errors);
        Assert.Empty(elsewhere);
        await context.CloseAsync();
    }
}
