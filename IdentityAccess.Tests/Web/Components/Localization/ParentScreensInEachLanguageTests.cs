using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DevMailbox;
using IdentityAccess.Web.Components.Layout;
using IdentityAccess.Web.Components.Pages;
using IdentityAccess.Web.Components.Parents;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The parent organization pages, the home page, the shared notices and the rest of the layout in each language:
/// rendered alone (bUnit) and as the app prerenders them for a browser that asks for the language.
/// </summary>
// ParentPlanSection injects ParentPlanChange; it is never called here (nothing is clicked).
public sealed class ParentScreensInEachLanguageTests(SqlitePortalFixture portal) : ComponentTest(services => services
    .AddSingleton(new ParentPlanChange(new GuardedWrites(null!), new AuditLog(TimeProvider.System)))
    .AddSingleton<IHttpContextAccessor>(new HttpContextAccessor())), IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("en", "Organization name", "Product and plan", "Premium seats", "You take one seat as the organization's Owner.")]
    [InlineData("pt-BR", "Nome da organização", "Produto e plano", "Assentos Premium", "Você ocupa um assento como Owner da organização.")]
    [InlineData("id", "Nama organisasi", "Produk dan paket", "Kursi Premium", "Anda menempati satu kursi sebagai Owner organisasi.")]
    public void NewOrganizationFields_InTheLanguage_RoleNamesInEnglish(string culture, string name, string plan, string premium, string standIn)
    {
        using var language = Localizers.UiCulture(culture);

        var fields = Render<NewOrganizationFields>(p => p.Add(c => c.Value, new NewOrganization("", OrganizationPlan.Team, PremiumSeats: 1)));

        var labels = fields.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains(name, labels);
        Assert.Contains(plan, labels);
        Assert.Contains(premium, labels);
        Assert.Contains(standIn, fields.Find("[data-testid=billing-stand-in]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Plan", "Change plan", "Team. Its chat organizations follow the plan;", "Stand-in for billing: changes the plan directly")]
    [InlineData("pt-BR", "Plano", "Alterar plano", "Team. As organizações de chat dela seguem o plano;", "Substituto do faturamento: altera o plano diretamente")]
    [InlineData("id", "Paket", "Ubah paket", "Team. Organisasi chat-nya mengikuti paket;", "Pengganti penagihan: mengubah paket secara langsung")]
    public void ParentPlanSection_InTheLanguage_PlanNamesAsProductNames(string culture, string heading, string change, string help, string standIn)
    {
        using var language = Localizers.UiCulture(culture);
        var scope = new ParentPageScope(Guid.NewGuid(), "Acme", Guid.NewGuid(), IsParentAdmin: true);

        var section = Render<ParentPlanSection>(p => p.Add(c => c.Scope, scope).Add(c => c.Plan, ParentPlan.Team));

        Assert.Equal(heading, section.Find("h2").TextContent.Trim());
        Assert.Equal(change, section.Find("[data-testid=change-plan]").TextContent.Trim());
        Assert.Contains(help, section.Markup, StringComparison.Ordinal);
        Assert.Contains(standIn, section.Find("[data-testid=plan-stand-in]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "This parent organization does not exist (404)", "You don't have access to this page (403)", "Go to your organizations")]
    [InlineData("pt-BR", "Esta organização pai não existe (404)", "Você não tem acesso a esta página (403)", "Ir para suas organizações")]
    [InlineData("id", "Organisasi induk ini tidak ada (404)", "Anda tidak memiliki akses ke halaman ini (403)", "Buka organisasi Anda")]
    public void NotFoundAndAccessDenied_InTheLanguage(string culture, string notFound, string denied, string link)
    {
        using var language = Localizers.UiCulture(culture);

        var missing = Render<NotFoundNotice>(p => p.Add(c => c.What, "parent organization"));
        var refused = Render<AccessDenied>(p => p.Add(c => c.Reason, "Only its admins."));

        Assert.Equal(notFound, missing.Find("h6").TextContent.Trim());
        Assert.Equal(link, missing.Find("a").TextContent.Trim());
        Assert.Equal(denied, refused.Find("h6").TextContent.Trim());
        Assert.Contains("Only its admins.", refused.Markup, StringComparison.Ordinal); // a reason from Core, passed on as it is
    }

    [Theory]
    [InlineData("en", "Something went wrong on our side")]
    [InlineData("pt-BR", "Algo deu errado do nosso lado")]
    [InlineData("id", "Terjadi kesalahan di pihak kami")]
    public void ErrorPage_InTheLanguage(string culture, string heading)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal(heading, Render<Error>().Find("h6").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Rejoin failed... trying again in [seconds] seconds.", "Retry")]
    [InlineData("pt-BR", "Falha ao reconectar... tentando novamente em [seconds] segundos.", "Tentar novamente")]
    [InlineData("id", "Gagal menyambung kembali... mencoba lagi dalam [seconds] detik.", "Coba lagi")]
    public void ReconnectModal_InTheLanguage_TheSecondsWhereTheSentencePutsThem(string culture, string countdown, string retry)
    {
        using var language = Localizers.UiCulture(culture);

        var modal = Render<ReconnectModal>();

        // The script writes the seconds into the span, so it sits where the sentence puts the number.
        var sentence = modal.Find(".components-reconnect-repeated-attempt-visible").InnerHtml.Trim();
        Assert.Equal(countdown, Regex.Replace(sentence, "<span id=\"components-seconds-to-next-attempt\"[^>]*></span>", "[seconds]"));
        Assert.Equal(retry, modal.Find("#components-reconnect-button").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "not sent yet (1 attempt; last error: 451 busy)", "not sent yet (2 attempts; last error: 451 busy)", "Open the invitation")]
    [InlineData("pt-BR", "ainda não enviado (1 tentativa; último erro: 451 busy)", "ainda não enviado (2 tentativas; último erro: 451 busy)", "Abrir o convite")]
    [InlineData("id", "belum dikirim (1 percobaan; kesalahan terakhir: 451 busy)", "belum dikirim (2 percobaan; kesalahan terakhir: 451 busy)", "Buka undangan")]
    public void DevMailbox_InTheLanguage_AttemptsCounted(string culture, string once, string twice, string open)
    {
        using var language = Localizers.UiCulture(culture);
        OutboxMessage Failed(int attempts) => new()
        {
            Kind = OutboxMessageKind.Invitation,
            ToAddress = "nina@initech.test",
            Subject = "Alice Anders invited you to Acme",
            TextBody = "Open http://portal.test/invitations/abc",
            Attempts = attempts,
            LastError = "451 busy",
        };

        var page = Render<DevMailboxPage>(p => p.Add(c => c.Messages, [Failed(1), Failed(2)]));

        Assert.Contains(once, page.Markup, StringComparison.Ordinal);
        Assert.Contains(twice, page.Markup, StringComparison.Ordinal);
        Assert.Equal(open, page.Find("[data-testid=mailbox-link]").TextContent.Trim());
        Assert.Contains($"<html lang=\"{culture}\">", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Parent admins", "You are one of its admins.", "Create an organization", "Joining this parent organization", "Provisioning mode")]
    [InlineData("pt-BR", "Administradores da organização pai", "Você é um dos administradores dela.", "Criar uma organização", "Associar-se a esta organização pai",
        "Modo de provisionamento")]
    [InlineData("id", "Admin organisasi induk", "Anda adalah salah satu adminnya.", "Buat organisasi", "Bergabung dengan organisasi induk ini", "Provisioning mode")]
    public async Task ParentPage_BrowserInTheLanguage_PrerenderedInIt(string culture, string admins, string summary, string create, string idPanel, string mode)
    {
        var html = await GetAsync("alice@acme.test", $"/parents/{portal.Demo.AcmeParent}", culture);

        Assert.Contains($">{admins}</h2>", html, StringComparison.Ordinal);
        Assert.Contains(summary, html, StringComparison.Ordinal);
        Assert.Contains(create, html, StringComparison.Ordinal);
        Assert.Contains($">{idPanel}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<th>{mode}</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Your organizations", "Parent organizations you administer", "Your role:", "Create an organization")]
    [InlineData("pt-BR", "Suas organizações", "Organizações pai que você administra", "Sua função:", "Criar uma organização")]
    [InlineData("id", "Organisasi Anda", "Organisasi induk yang Anda kelola", "Peran Anda:", "Buat organisasi")]
    public async Task HomePage_BrowserInTheLanguage_PrerenderedInIt(string culture, string heading, string parents, string role, string create)
    {
        var html = await GetAsync("alice@acme.test", "/", culture);

        Assert.Contains($">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($">{parents}</h2>", html, StringComparison.Ordinal);
        Assert.Contains(role, html, StringComparison.Ordinal);
        Assert.Contains(create, html, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string email, string path, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Language", culture);
        using var response = await portal.CreateClient(portal.Demo.Person(email)).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
