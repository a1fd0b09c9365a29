using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Invitations;

/// <summary>
/// The pages an invited person sees, through the whole pipeline in the browser's language: the invitation (its
/// addresses in bold inside a sentence each language orders its own way), the sign-in link sent, and joined or not.
/// </summary>
public sealed class InvitationPagesInEachLanguageTests : IAsyncLifetime
{
    private const string Nina = "nina@initech.test";
    private readonly SqlitePortalFixture _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData("en", "Alice Anders invited <b>nina@initech.test</b> to join <b>Acme</b> as User (Standard seat). The invitation works until ",
        "Sign in as nina@initech.test to accept", "We sent a sign-in link to <b>nina@initech.test</b>. It works once, for 15 minutes.",
        ">sign-in page</a>", "You are not an active member of this organization.")]
    [InlineData("pt-BR", "Alice Anders convidou <b>nina@initech.test</b> para participar de <b>Acme</b> como User (assento Standard). O convite vale até ",
        "Entrar como nina@initech.test para aceitar", "Enviamos um link de login para <b>nina@initech.test</b>. Ele funciona uma vez, por 15 minutos.",
        ">página de login</a>", "Você não é um membro ativo desta organização.")]
    [InlineData("id", "Alice Anders mengundang <b>nina@initech.test</b> untuk bergabung dengan <b>Acme</b> sebagai User (kursi Standard). Undangan berlaku hingga ",
        "Masuk sebagai nina@initech.test untuk menerima", "Kami telah mengirim tautan masuk ke <b>nina@initech.test</b>. Tautan ini berfungsi sekali, selama 15 menit.",
        ">halaman masuk</a>", "Anda bukan anggota aktif organisasi ini.")]
    public async Task InvitedPersonsPages_InTheBrowsersLanguage(string culture, string summary, string signIn, string sent, string signInPageLink, string notMember)
    {
        Assert.Empty(await _portal.Factory.Services.GetRequiredService<InvitationAdministration>().InviteAsync(_portal.Demo.AcmeChat,
            new NewMember(Nina, "Nina Newman", Role.User, SeatTier.Standard), _portal.Demo.Person("alice@acme.test"), "http://localhost/"));
        var secret = await Mailbox.LatestSecretAsync(_portal.Factory, Nina, OutboxMessageKind.Invitation);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var nina = await db.People.Where(p => p.NormalizedEmail == "NINA@INITECH.TEST").Select(p => p.Id).SingleAsync();

        var invitation = await GetAsync(_portal.CreateClient(), $"/invitations/{secret}", culture);
        var linkSent = await GetAsync(_portal.CreateClient(), "/sign-in/link-sent?email=" + Uri.EscapeDataString(Nina), culture);
        var joined = await GetAsync(_portal.CreateClient(nina), $"/invitations/joined/{_portal.Demo.GlobexTeam}", culture);

        Assert.Contains(summary, invitation, StringComparison.Ordinal);
        Assert.Contains(signIn, invitation, StringComparison.Ordinal);
        Assert.Contains(sent, linkSent, StringComparison.Ordinal);
        Assert.Contains(signInPageLink, linkSent, StringComparison.Ordinal);
        Assert.Contains(notMember, joined, StringComparison.Ordinal);
    }

    /// <summary>The page as the browser shows it (entities decoded: the renderer encodes letters such as ç).</summary>
    private static async Task<string> GetAsync(HttpClient client, string path, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Language", culture);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
