using IdentityAccess.Tests.Browser.Accessibility;
using IdentityAccess.Tests.Browser.Journeys.SetupGuide;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Languages;

/// <summary>
/// An owner whose browser speaks Portuguese follows the article's Portuguese edition on the Identity and access page
/// (steps 2, 3 and 5, without saving: the article says not to yet), then picks Indonesian, whose edition quotes the
/// controls in English; signing in later from an English browser, the portal still speaks the language she picked.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ArticleInEachLanguageJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PortugueseBrowser_ArticlesWordsWhereItSays_ThenIndonesianPicked_KeptAtTheNextSignIn()
    {
        var page = await portal.NewPageAsync(locale: "pt-BR");
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await PortalPage.WaitInteractiveAsync(page);

        // Step 2: in "Configuração Global de SSO", "Configurar SCIM" (or "Gerenciar SCIM") beside "Sincronização de diretório (SCIM)".
        var global = page.GetByTestId("global-sso");
        await Expect(global.GetByRole(AriaRole.Heading, new() { Name = "Configuração Global de SSO" })).ToBeVisibleAsync();
        await Expect(global.GetByRole(AriaRole.Rowheader, new() { Name = "Sincronização de diretório (SCIM)" })).ToBeVisibleAsync();
        await Expect(global.GetByTestId("set-up-scim")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Configurar SCIM|Gerenciar SCIM)$"));
        await Expect(global.GetByTestId("sync-now")).ToContainTextAsync("Sincronizar agora");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Identidade e acesso" })).ToBeVisibleAsync();

        // Step 3: "Modo de provisionamento" in "Configuração de SSO da Organização"; the options as both editions quote them.
        var organization = page.GetByTestId("organization-sso");
        await Expect(organization.GetByRole(AriaRole.Heading, new() { Name = "Configuração de SSO da Organização" })).ToBeVisibleAsync();
        await Expect(organization).ToContainTextAsync("Modo de provisionamento");
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Just in time (JIT)");
        await page.GetByLabel("Mapeamentos de grupo avançados").CheckAsync();

        // Step 5: "Adicionar" in "Mapeamentos de função" and "Mapeamentos de nível de assento"; then "Salvar alterações".
        await Expect(organization.GetByRole(AriaRole.Heading, new() { Name = "Mapeamentos de função" })).ToBeVisibleAsync();
        await Expect(organization.GetByRole(AriaRole.Heading, new() { Name = "Mapeamentos de nível de assento" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("add-group-Owner")).ToContainTextAsync("Adicionar");
        await Expect(page.GetByTestId("save-changes")).ToHaveTextAsync("Salvar alterações");
        await Expect(page.GetByTestId("assign-first")).ToContainTextAsync("Não salve ainda");
        await Screenshots.SaveAsync(page, "languages-01-identity-and-access-pt-BR", fullPage: true);
        await organization.ScrollIntoViewIfNeededAsync();
        await organization.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "languages-01-organization-sso-pt-BR.png") });
        await AxeCore.AssertNoViolationsAsync(page, "Identity and access in Portuguese (Brazil)");

        // "Salvar alterações" opens the review first (a dry run), in Portuguese too; she cancels, as the article says to wait.
        await page.GetByTestId("save-changes").ClickAsync();
        var review = page.GetByTestId("diff-dialog");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Revisar antes de salvar");
        await Expect(review).ToContainTextAsync("Esta é uma simulação: nada foi salvo ainda.");
        await Expect(page.GetByTestId("confirm-save")).ToHaveTextAsync("Salvar alterações");
        await Screenshots.SaveAsync(page, "languages-02-review-pt-BR");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancelar", Exact = true }).ClickAsync();
        await Expect(review).ToHaveCountAsync(0);

        // She picks Indonesian: the page loads again in it; the controls keep the English names that edition quotes.
        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId("language-id").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Global SSO Configuration" })).ToBeVisibleAsync();
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/orgs/{portal.Demo.AcmeChat}/identity$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organization SSO Configuration" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("set-up-scim")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Setup SCIM|Manage SCIM)$"));
        await Expect(page.GetByTestId("save-changes")).ToHaveTextAsync("Save changes");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Identitas dan akses" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Screenshots.SaveAsync(page, "languages-03-identity-and-access-id", fullPage: true);
        await AxeCore.AssertNoViolationsAsync(page, "Identity and access in Indonesian");

        // Another browser, in English: her pick comes back with her sign-in.
        var laptop = await portal.NewPageAsync(locale: "en-US");
        await PortalPage.SignInAsync(laptop, "alice@acme.test");
        await Expect(laptop.GetByRole(AriaRole.Link, new() { Name = "Organisasi Anda" })).ToBeVisibleAsync();

        // Troubleshooting, case 1: "Total seats" (quoted in English by the Indonesian edition) on the Organization page,
        // reached by the path the edition quotes: "Admin settings > Organization".
        await laptop.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/identity");
        await PortalPage.WaitInteractiveAsync(laptop);
        await Expect(laptop.GetByTestId("nav-settings")).ToHaveTextAsync("Admin settings");
        // Her unsaved JIT draft from the other browser is kept on the server for her: it is back here, and leaving asks
        // first (the leave button is not named like Sign out, "Keluar", which sits in the bar at the same time).
        await Expect(laptop.GetByTestId("unsaved")).ToBeVisibleAsync();
        await laptop.GetByTestId("nav-members").ClickAsync();
        await laptop.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Tinggalkan halaman", Exact = true }).ClickAsync();
        await Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Organization", Level = 1 })).ToBeVisibleAsync();
        await Expect(laptop.GetByTestId("seat-usage")).ToContainTextAsync("Total seats");
        await Expect(laptop.GetByTestId("buy-seats")).ToHaveTextAsync("Beli kursi");
        await Screenshots.SaveAsync(laptop, "languages-04-members-id");
        await AxeCore.AssertNoViolationsAsync(laptop, "Members in Indonesian");
    }
}
