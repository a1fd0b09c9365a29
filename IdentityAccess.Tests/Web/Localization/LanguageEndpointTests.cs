using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Localization;

/// <summary>
/// Which language a page speaks, and the picker's form against what must not happen through it: another site switching
/// someone's language, a language that does not exist written into a cookie or a person, a crafted return address
/// sending people elsewhere, one person's pick landing on another.
/// </summary>
public abstract class LanguageEndpointTests(PortalFixture portal) : IAsyncLifetime
{
    private Guid _acmeParent;

    public async Task InitializeAsync()
    {
        portal.UseTestAuth = false;
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _acmeParent = await DemoIdpHttp.ParentIdAsync(db, "Acme Corporation");
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Theory]
    [InlineData(null, "Language")]
    [InlineData("pt-BR,pt;q=0.9,en;q=0.8", "Idioma")]
    [InlineData("pt-PT,pt;q=0.9", "Idioma")] // the Brazilian edition is the Portuguese one
    [InlineData("id-ID,id;q=0.9,en-US;q=0.8", "Bahasa")]
    [InlineData("fr-FR,de;q=0.9", "Language")] // not spoken here: English
    [InlineData("fr-FR,pt-BR;q=0.5,id;q=0.7", "Bahasa")] // the best-rated language the portal speaks
    [InlineData("pt-BR;q=0,id;q=0.1", "Bahasa")] // q=0 means "not this one"
    public async Task FirstVisit_PageSpeaksTheBrowsersLanguage(string? acceptLanguage, string pickerName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var html = await (await Raw().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(pickerName, PickerName(html));
    }

    [Fact]
    public async Task Pick_SignedOut_KeptInTheBrowser_WinsOverItsLanguages_AndReturnsToThePage()
    {
        var (client, form) = Anonymous("pt-BR", "/sign-in?returnUrl=%2Forgs");

        var picked = await client.PostAsync(LanguageEndpoints.Path, form);

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Forgs", picked.Headers.Location!.OriginalString);
        var cookie = CultureCookie(picked);
        Assert.Equal("c=pt-BR|uic=pt-BR", Uri.UnescapeDataString(cookie!.Split(';')[0].Split('=', 2)[1]));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var next = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        next.Headers.Add("Accept-Language", "id-ID");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal("Idioma", PickerName(await (await Raw().SendAsync(next)).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Pick_WithoutTheAntiforgeryToken_Refused_NothingKept()
    {
        // What another site's auto-submitting form would send: the fields, no token.
        var (client, _) = Anonymous("pt-BR");
        var forged = await client.PostAsync(LanguageEndpoints.Path, new FormUrlEncodedContent([new("culture", "id"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(CultureCookie(forged));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("pt")] // only the exact names the picker posts
    [InlineData("id|uic=xx")]
    [InlineData("")]
    public async Task Pick_ALanguageNotSpokenHere_400ProblemNamingTheChoices_NothingKept(string culture)
    {
        var (client, form) = Anonymous(culture);

        var refused = await client.PostAsync(LanguageEndpoints.Path, form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("This language is not available.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Available: en, pt-BR, id.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Null(CultureCookie(refused));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("")]
    public async Task Pick_ReturnAddressOffTheSite_GoesHomeInstead(string returnUrl)
    {
        var (client, form) = Anonymous("id", returnUrl);

        var picked = await client.PostAsync(LanguageEndpoints.Path, form);

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("/", picked.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pick_SignedIn_KeptForThatPersonOnly_AndBackAtTheirNextSignInInAnotherBrowser()
    {
        var laptop = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DemoIdpHttp.SignInAsync(laptop, _acmeParent, "carol@acme.test");
        var token = DemoIdpHttp.HiddenValue(SignOutForm(await laptop.GetStringAsync("/")), "__RequestVerificationToken");

        var picked = await laptop.PostAsync(LanguageEndpoints.Path,
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("culture", "id"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var languages = await db.People.Where(p => p.PreferredLanguage != null).Select(p => new { p.Email, p.PreferredLanguage }).ToListAsync();
            Assert.Equal([new { Email = "carol@acme.test", PreferredLanguage = (string?)"id" }], languages);
        }

        // Another browser, set to English: signing in brings her language along.
        var phone = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        phone.DefaultRequestHeaders.Add("Accept-Language", "en-US");
        var acs = await DemoIdpHttp.SignInAsync(phone, _acmeParent, "carol@acme.test");
        Assert.Equal("c=id|uic=id", Uri.UnescapeDataString(CultureCookie(acs)!.Split(';')[0].Split('=', 2)[1]));
        Assert.Equal("Bahasa", PickerName(await phone.GetStringAsync("/")));

        // Alice never picked: her sign-in sets no language, and her browser's decides.
        var alice = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Null(CultureCookie(await DemoIdpHttp.SignInAsync(alice, _acmeParent, "alice@acme.test")));
    }

    [Theory]
    [InlineData("c=xx|uic=xx", "Idioma")] // a language not spoken here: the browser's (Portuguese) decides
    [InlineData("c=pt-PT|uic=pt-PT", "Idioma")]
    [InlineData("%%%;;garbage", "Idioma")]
    [InlineData("c=id|uic=id", "Bahasa")]
    public async Task CultureCookie_TamperedOrUnknown_IsIgnored_PageStillAnswers(string cookie, string pickerName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add("Accept-Language", "pt-BR");
        request.Headers.TryAddWithoutValidation("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={cookie}");

        var response = await Raw().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pickerName, PickerName(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MembersPage_InPortuguese_MudBlazorsOwnWordsToo()
    {
        // MudBlazor's strings (the pager's buttons) come through the portal's MudLocalizer, registered by the app.
        var browser = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add("Accept-Language", "pt-BR");
        await DemoIdpHttp.SignInAsync(browser, _acmeParent, "alice@acme.test");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/orgs/{portal.Demo.AcmeChat}/members"));

        Assert.Contains("aria-label=\"Primeira página\"", html, StringComparison.Ordinal);
        Assert.Contains(">Organização</h1>", html, StringComparison.Ordinal); // the article's "Configurações de Admin > Organização"
        Assert.Contains("Total de assentos", html, StringComparison.Ordinal);
    }

    private HttpClient Raw() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// A signed-out browser holding the antiforgery cookie, and the picker's form with the matching token (the picker's
    /// forms render only once its menu opens, so the token is issued here the way the page issues it).
    /// </summary>
    private (HttpClient Client, FormUrlEncodedContent Form) Anonymous(string culture, string returnUrl = "/")
    {
        var http = new DefaultHttpContext { RequestServices = portal.Factory.Services };
        var tokens = portal.Factory.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var client = Raw();
        client.DefaultRequestHeaders.Add("Cookie", $"{AntiforgeryCookieName(http)}={tokens.CookieToken}");
        return (client, new FormUrlEncodedContent([new("__RequestVerificationToken", tokens.RequestToken!), new("culture", culture), new("returnUrl", returnUrl)]));
    }

    private static string AntiforgeryCookieName(HttpContext http) =>
        http.Response.Headers.SetCookie.ToString().Split('=', 2)[0];

    private static string? CultureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(CookieRequestCultureProvider.DefaultCookieName + "=", StringComparison.Ordinal))
            : null;

    /// <summary>The language menu's accessible name: the page's language in one word.</summary>
    private static string PickerName(string html)
    {
        var menu = Regex.Match(html, "data-testid=\"language-menu\"[^>]*><button[^>]*aria-label=\"([^\"]*)\"");
        return menu.Success ? WebUtility.HtmlDecode(menu.Groups[1].Value) : throw new Xunit.Sdk.XunitException("No language menu on the page.");
    }

    private static string SignOutForm(string html) =>
        Regex.Match(html, $"""<form method="post" action="{Regex.Escape(SignInEndpoints.SignOutPath)}".*?</form>""", RegexOptions.Singleline).Value;
}

public sealed class SqliteLanguageEndpointTests() : LanguageEndpointTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresLanguageEndpointTests() : LanguageEndpointTests(new PostgresPortalFixture());
