using Bunit;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>Core's refusals where the portal shows them, in the reader's language; names, roles and tiers as they are.</summary>
public sealed class RefusalsInEachLanguageTests : ComponentTest
{
    [Theory]
    [InlineData("en", "This is for the organization's Owners and Admins. Your role in Acme is User.", "No free Premium seat. Buy seats first.",
        "Enter an email address, such as name@example.com.")]
    [InlineData("pt-BR", "Isto é para os Owners e Admins da organização. Sua função em Acme é User.", "Nenhum assento Premium livre. Compre assentos primeiro.",
        "Digite um endereço de e-mail, como nome@exemplo.com.")]
    [InlineData("id", "Ini untuk Owner dan Admin organisasi. Peran Anda di Acme adalah User.", "Tidak ada kursi Premium yang kosong. Beli kursi terlebih dahulu.",
        "Masukkan alamat email, seperti nama@contoh.com.")]
    public void MemberErrors_SayEachRefusal_InTheLanguage(string culture, string accessRefused, string noFreeSeat, string emailRequired)
    {
        using var language = Localizers.UiCulture(culture);

        var errors = Render<MemberErrors>(p => p.Add(c => c.Errors, [
            AccessRefused.ForRole(Permission.ManageMembers, Product.Chat, "Acme", Role.User),
            new NoFreeSeat(SeatTier.Premium),
            new ValidationFailed("email", ValidationRule.EmailRequired),
        ]));

        var alerts = errors.FindAll("[data-testid=member-error]").Select(e => e.TextContent).ToList();
        Assert.Equal(3, alerts.Count);
        Assert.Contains(accessRefused, alerts[0], StringComparison.Ordinal);
        Assert.Contains(noFreeSeat, alerts[1], StringComparison.Ordinal);
        Assert.Contains(emailRequired, alerts[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Someone saved these settings while you were editing.", "This change removes or demotes 12 other people. Type 12 to confirm.",
        "Directory sync (SCIM) is available on Enterprise plans only.")]
    [InlineData("pt-BR", "Alguém salvou estas configurações enquanto você editava.", "Esta alteração remove ou rebaixa 12 outras pessoas. Digite 12 para confirmar.",
        "Directory sync (SCIM) está disponível apenas para planos Enterprise.")]
    [InlineData("id", "Seseorang menyimpan pengaturan ini saat Anda sedang mengedit.", "Perubahan ini menghapus atau menurunkan peran 12 orang lain. Ketik 12 untuk mengonfirmasi.",
        "Directory sync (SCIM) hanya tersedia untuk paket Enterprise.")]
    public void SaveChanges_Refusals_InTheLanguage(string culture, string staleStart, string confirm, string modeStart)
    {
        using var language = Localizers.UiCulture(culture);
        var team = ProvisioningModePolicy.Check(ProvisioningMode.Scim, OrganizationPlan.Team, ParentPlan.Team);

        var diff = Render<ProvisioningDiff>(p => p.Add(c => c.Preview,
            new ProvisioningPreview(null, [new StaleDraft(), new ConfirmationRequired(12), new ModeNotAvailable(team)], 0)));

        var alerts = diff.FindAll("[data-testid=save-refusal]").Select(e => e.TextContent).ToList();
        Assert.Equal(3, alerts.Count);
        Assert.Contains(staleStart, alerts[0], StringComparison.Ordinal);
        Assert.Contains(confirm, alerts[1], StringComparison.Ordinal);
        Assert.Contains(modeStart, alerts[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "You are the last Owner of Acme, so you cannot remove yourself.")]
    [InlineData("pt-BR", "Você é o último Owner de Acme, então não pode se remover.")]
    [InlineData("id", "Anda adalah Owner terakhir di Acme, jadi Anda tidak dapat menghapus diri sendiri.")]
    public void ARoleNameStaysEnglish_InsideTheSentence(string culture, string expectedStart)
    {
        using var language = Localizers.UiCulture(culture);

        var errors = Render<MemberErrors>(p => p.Add(c => c.Errors, [new LastTopRoleCannotLeave("Owner", "Acme")]));

        Assert.Contains(expectedStart, errors.Find("[data-testid=member-error]").TextContent, StringComparison.Ordinal);
    }
}
