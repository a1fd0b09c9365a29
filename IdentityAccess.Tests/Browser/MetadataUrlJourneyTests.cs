using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Alice, Acme's parent admin, connects the IdP by its metadata URL instead of pasting a file; the IdP publishes its
/// next signing key and "Refresh now" trusts it; she rolls back, which pauses the refresh until she asks again.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MetadataUrlJourneyTests(MetadataUrlJourneyTests.Portal portal) : IClassFixture<MetadataUrlJourneyTests.Portal>
{
    /// <summary>The metadata server runs on 127.0.0.1, which only an operator's setting lets the portal fetch from.</summary>
    public sealed class Portal : BrowserFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Sso:MetadataRefresh:AllowPrivateAddresses"] = "true" };
    }

    [Fact]
    public async Task ParentAdmin_ImportsFromTheUrl_RefreshesAfterARollover_AndRollsBack()
    {
        await using var idp = await MetadataServer.StartAsync();
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var certificates = page.GetByTestId("idp-certificate");

        await page.GetByLabel("IdP metadata URL").FillAsync(idp.Url.AbsoluteUri);
        await PortalPage.PressUntilAsync(page.GetByTestId("import-metadata-url"), () => page.GetByTestId("metadata-source-url").CountAsync());

        await Expect(page.GetByTestId("metadata-source-url")).ToContainTextAsync(idp.Url.AbsoluteUri);
        await Expect(page.GetByTestId("idp-entity-id")).ToHaveTextAsync(SamlScenario.IdpEntityId);
        await Expect(certificates).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("metadata-replaced")).ToBeVisibleAsync(); // it replaced the demo IdP's metadata

        idp.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];
        await page.GetByTestId("metadata-refresh-now").ClickAsync();
        await Expect(certificates).ToHaveCountAsync(2);
        await Expect(certificates.Nth(1)).ToContainTextAsync("CN=Test IdP (next)");
        await Screenshots.SaveAsync(page, "sso-metadata-url", fullPage: true);
        await page.SetViewportSizeAsync(390, 1400); // a phone: the URL field and its button wrap, nothing overflows
        await page.GetByTestId("metadata-source").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "sso-metadata-url-phone");
        // What sticks out, if anything, is named in the failure.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)" +
            ".map(e => e.tagName + '.' + e.className + ' ' + (e.getAttribute('data-testid') || '')).join('; ')"));
        await page.SetViewportSizeAsync(1360, 1200);

        // Pressed until it shows: a press made while the layout re-renders for the new width can be lost (seen in CI).
        await PortalPage.PressUntilAsync(page.GetByTestId("metadata-roll-back"), () => page.GetByTestId("metadata-refresh-paused").CountAsync());
        await Expect(certificates).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("metadata-refresh-paused")).ToContainTextAsync("Refresh now resumes it");
        await Expect(page.GetByTestId("metadata-next-check")).ToHaveTextAsync("Paused");

        await PortalPage.PressUntilAsync(page.GetByTestId("metadata-refresh-now"), async () => await certificates.CountAsync() == 2 ? 1 : 0);
        await Expect(certificates).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("metadata-refresh-paused")).ToHaveCountAsync(0);
    }
}
