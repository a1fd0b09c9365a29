using System.Net;
using AngleSharp.Dom;
using Bunit;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Parents;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Parents;

/// <summary>
/// The API keys section of the parent page on the seeded demo, through the real service: a parent admin lists, creates
/// (the secret shown once) and revokes (asked first); anyone else sees no section and no way to create a key.
/// </summary>
public sealed class ApiKeysSectionTests : ComponentTest, IClassFixture<SqlitePortalFixture>
{
    // A guard against a hung test on a loaded machine, not a measure of speed.
    private static readonly TimeSpan _patience = TimeSpan.FromMinutes(1);

    private readonly SqlitePortalFixture _portal;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public ApiKeysSectionTests(SqlitePortalFixture portal)
        : base(services =>
        {
            services.AddSingleton(_ => portal.Factory.Services.GetRequiredService<ApiKeyAdministration>());
            services.AddSingleton(_ => portal.Factory.Services.GetRequiredService<ParentOrganizationsQuery>());
            services.AddSingleton(TimeProvider.System);
        })
    {
        _portal = portal;
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private ApiKeyAdministration Keys => _portal.Factory.Services.GetRequiredService<ApiKeyAdministration>();

    private Guid Acme => _portal.Demo.AcmeParent;

    private Guid Alice => _portal.Demo.Person("alice@acme.test");

    private IRenderedComponent<ApiKeysSection> RenderAs(string email, bool isParentAdmin = true) =>
        Render<ApiKeysSection>(p => p.Add(c => c.Scope, new ParentPageScope(Acme, "Acme Corporation", _portal.Demo.Person(email), isParentAdmin)));

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    private async Task<CreatedApiKey> CreateKeyAsync(string name, ApiKeyScope scope = ApiKeyScope.ReadOnly, DateTimeOffset? expiresAt = null, params Guid[] organizations)
    {
        var (created, refused) = await Keys.CreateAsync(Acme, new NewApiKey(name, scope, organizations, expiresAt), Alice);
        Assert.Null(refused);
        return created!;
    }

    private static IReadOnlyList<string> Cells(IRenderedComponent<ApiKeysSection> section, string name) =>
        [.. section.Find($"tr[data-api-key='{name}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private IElement DialogButton(string text) =>
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task List_ParentAdmin_ShowsEachKeysPrefixScopeOrganizationsAndDates_NotRevokedOnes()
    {
        var (limited, everywhere, revoked) = (Unique("deploy"), Unique("reports"), Unique("old"));
        var limitedKey = await CreateKeyAsync(limited, ApiKeyScope.ReadWrite, null, _portal.Demo.AcmeChat);
        var everywhereKey = await CreateKeyAsync(everywhere, ApiKeyScope.ReadOnly, new DateTimeOffset(2099, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Null(await Keys.RevokeAsync(Acme, (await CreateKeyAsync(revoked)).Id, Alice));

        var section = RenderAs("alice@acme.test");
        section.WaitForElement($"tr[data-api-key='{limited}']", _patience);

        Assert.Equal([limited, $"ia_{limitedKey.Prefix}_…", "Read and write", "Acme"], Cells(section, limited).Take(4));
        Assert.EndsWith("by Alice Anders", Cells(section, limited)[4], StringComparison.Ordinal);
        Assert.Equal(["Never", "Never"], Cells(section, limited).Skip(5).Take(2));
        Assert.Equal([everywhere, $"ia_{everywhereKey.Prefix}_…", "Read-only", "All organizations"], Cells(section, everywhere).Take(4));
        Assert.Equal("2099-03-01", Cells(section, everywhere)[6]);
        Assert.Empty(section.FindAll($"tr[data-api-key='{revoked}']"));
        Assert.Contains("permissions of the parent admin who created it", section.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(limitedKey.Token, section.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Copy this key now and keep it somewhere safe: it will not be shown again.", "API keys")]
    [InlineData("pt-BR", "Copie esta chave agora e guarde-a em um lugar seguro: ela não será mostrada novamente.", "Chaves de API")]
    public async Task Create_ParentAdmin_TheSecretShownOnceInTheDialog_ThenOnlyItsPrefixListed(string culture, string shownOnce, string heading)
    {
        using var language = Localizers.UiCulture(culture);
        var name = Unique("ci");
        var section = RenderAs("alice@acme.test");
        section.WaitForElement("[data-testid='create-api-key']", _patience).Click();
        _dialogs.WaitForElement("[data-testid='api-key-name'] input, input[data-testid='api-key-name']", _patience)
            .Input(name);
        _dialogs.FindAll("label").First(l => l.TextContent.Contains("Acme Labs", StringComparison.Ordinal)).QuerySelector("input")!.Change(true);

        await _dialogs.Find("[data-testid='create-api-key-submit']").ClickAsync(new MouseEventArgs());

        var token = _dialogs.WaitForElement("[data-testid='api-key-secret'] input, input[data-testid='api-key-secret']", _patience).GetAttribute("value")!;
        var stored = Assert.Single((await Keys.ListAsync(Acme, Alice))!, k => k.Name == name);
        Assert.StartsWith($"ia_{stored.Prefix}_", token, StringComparison.Ordinal);
        Assert.Equal(["Acme Labs"], stored.OrganizationNames);
        Assert.Equal(ApiKeyScope.ReadOnly, stored.Scope);
        Assert.Equal(shownOnce, _dialogs.Find("[data-testid='api-key-shown-once']").TextContent.Trim());

        _dialogs.Find("[data-testid='create-api-key-done']").Click();

        section.WaitForElement($"tr[data-api-key='{name}']", _patience);
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid='create-api-key-dialog']")), _patience);
        Assert.DoesNotContain(token, section.Markup + _dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains($"ia_{stored.Prefix}_…", section.Markup, StringComparison.Ordinal);
        Assert.Equal("Acme Labs", Cells(section, name)[3]);
        Assert.Equal(heading, section.Find("h2").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Name the key (at most 100 characters), so you can tell what uses it.")]
    [InlineData("pt-BR", "Dê um nome à chave (no máximo 100 caracteres), para você saber o que a usa.")]
    public async Task Create_NoName_CoreRefusalShownInWords_NoKeyMade(string culture, string refusal)
    {
        using var language = Localizers.UiCulture(culture);
        var before = (await Keys.ListAsync(Acme, Alice))!.Count;
        var section = RenderAs("alice@acme.test");
        section.WaitForElement("[data-testid='create-api-key']", _patience).Click();
        var submit = _dialogs.WaitForElement("[data-testid='create-api-key-submit']", _patience);

        await submit.ClickAsync(new MouseEventArgs());

        Assert.Equal(refusal, _dialogs.Find("[data-testid='create-api-key-error']").TextContent.Trim());
        Assert.Empty(_dialogs.FindAll("[data-testid='api-key-secret']"));
        Assert.Equal(before, (await Keys.ListAsync(Acme, Alice))!.Count);
    }

    [Theory]
    [InlineData("en", "Revoke", "Cancel", "Revoke the API key {0}?")]
    [InlineData("pt-BR", "Revogar", "Cancelar", "Revogar a chave de API {0}?")]
    public async Task Revoke_AsksFirstNamingTheKey_CancelKeepsIt_YesRevokesIt(string culture, string revoke, string cancel, string title)
    {
        using var language = Localizers.UiCulture(culture);
        var name = Unique("gone");
        var key = await CreateKeyAsync(name);
        var section = RenderAs("alice@acme.test");

        section.WaitForElement($"tr[data-api-key='{name}'] [data-testid='revoke-api-key']", _patience).Click();
        _dialogs.WaitForAssertion(() => Assert.Contains(string.Format(title, name), _dialogs.Markup, StringComparison.Ordinal), _patience);
        Assert.Contains($"ia_{key.Prefix}_…", _dialogs.Markup, StringComparison.Ordinal);
        DialogButton(cancel).Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("button")), _patience);
        Assert.Contains((await Keys.ListAsync(Acme, Alice))!, k => k.Id == key.Id);

        section.Find($"tr[data-api-key='{name}'] [data-testid='revoke-api-key']").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains(string.Format(title, name), _dialogs.Markup, StringComparison.Ordinal), _patience);
        DialogButton(revoke).Click();

        section.WaitForAssertion(() => Assert.Empty(section.FindAll($"tr[data-api-key='{name}']")), _patience);
        Assert.DoesNotContain((await Keys.ListAsync(Acme, Alice))!, k => k.Id == key.Id);
    }

    [Theory]
    [InlineData("alice@acme.test", HttpStatusCode.OK, true)]
    [InlineData("bob@acme.test", HttpStatusCode.OK, false)]     // made Owner of Acme (chat) below: an organization's top role, not a parent admin
    [InlineData("oscar@acme.test", HttpStatusCode.OK, false)]   // Admin of Acme Labs (Console), not a parent admin
    [InlineData("carol@acme.test", HttpStatusCode.Forbidden, false)] // a chat User under the parent: not even the page
    public async Task ParentPage_Prerendered_TheSectionAndItsCreateButtonOnlyForAParentAdmin(string email, HttpStatusCode status, bool shown)
    {
        await MakeBobOwnerOfAcmeAsync();
        await CreateKeyAsync(Unique("seen"));

        using var response = await _portal.CreateClient(_portal.Demo.Person(email)).GetAsync($"/parents/{Acme}");

        Assert.Equal(status, response.StatusCode); // an Owner or Admin of its organizations may read the parent page, not its keys
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(shown, html.Contains("data-testid=\"api-keys\"", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("data-testid=\"create-api-key\"", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("data-testid=\"revoke-api-key\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bob@acme.test")]     // made Owner of Acme (chat) below
    [InlineData("oscar@acme.test")]
    [InlineData("grace@globex.test")] // Owner of Globex Team and admin of another parent
    public async Task State_NotAParentAdmin_EvenIfThePageThoughtSo_NothingToShow(string email)
    {
        await MakeBobOwnerOfAcmeAsync();
        await CreateKeyAsync(Unique("seen"));
        // The section asks the service whatever the page passed: nothing read means no section (ApiKeysSection shows only Keys).
        var state = new ApiKeysState(Keys, _portal.Factory.Services.GetRequiredService<ParentOrganizationsQuery>(),
            new ParentPageScope(Acme, "Acme Corporation", _portal.Demo.Person(email), IsParentAdmin: true));

        await state.LoadAsync();

        Assert.Null(state.Keys);
    }

    private async Task MakeBobOwnerOfAcmeAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var bob = _portal.Demo.Person("bob@acme.test");
        await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeChat && m.PersonId == bob)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, Role.Owner));
    }
}
