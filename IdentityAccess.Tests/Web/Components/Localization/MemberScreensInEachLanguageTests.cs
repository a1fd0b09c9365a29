using Bunit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Tests.Web.Components.Members;
using IdentityAccess.Web.Components.Members;
using IdentityAccess.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The member screens and invitations in each language: statuses, sources, expiries, the owner's dialogs and their
/// numbers, in Portuguese (Brazil) and Indonesian as in English. Roles and tiers stay product names in every language.
/// </summary>
public sealed class MemberScreensInEachLanguageTests : MemberDialogTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly MemberListItem _carol =
        new(Guid.NewGuid(), Guid.NewGuid(), "Carol Chen", "carol@acme.test", Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim, _now);

    private static readonly PendingInvitation _unsent = new(Guid.NewGuid(), Guid.NewGuid(), "nina@initech.test", "Nina Newman", Role.User, SeatTier.Standard,
        _now.AddDays(6).AddHours(2), _now.AddDays(-1), 1, new InvitationDelivery(null, 0, null, "http://portal.test/invitations/abc"));

    private static readonly PendingInvitation _sent = new(Guid.NewGuid(), Guid.NewGuid(), "olga@elsewhere.test", "Olga", Role.Admin, SeatTier.Premium,
        _now.AddHours(3), _now.AddDays(-7), 2, new InvitationDelivery(_now.AddDays(-1), 1, null, null));

    [Theory]
    [InlineData("en", "Invited", "Expires in 6 days", "Manual", "Suspended", "Suspended by your IdP — removed on 2026-12-24", "SCIM sync")]
    [InlineData("pt-BR", "Convidado", "Expira em 6 dias", "Manual", "Suspenso", "Suspenso pelo seu IdP — será removido em 2026-12-24", "Sincronização SCIM")]
    [InlineData("id", "Diundang", "Berakhir dalam 6 hari", "Manual", "Ditangguhkan", "Ditangguhkan oleh IdP Anda — dihapus pada 2026-12-24", "Sinkronisasi SCIM")]
    public void MemberTable_StatusesSourcesAndExpiries_InTheLanguage(string culture, string invited, string expiry, string manual, string suspended,
        string removalDue, string scim)
    {
        using var language = Localizers.UiCulture(culture);
        var nina = new MemberListItem(_unsent.MembershipId, Guid.NewGuid(), "Nina Newman", "nina@initech.test", Role.User, SeatTier.Standard,
            MembershipStatus.Invited, MembershipSource.Manual, _now);
        var dave = new MemberListItem(Guid.NewGuid(), Guid.NewGuid(), "Dave Diaz", "dave@acme.test", Role.User, SeatTier.Standard,
            MembershipStatus.Suspended, MembershipSource.Scim, _now)
        {
            IdpDeactivatedAt = _now.AddDays(1),
            RemovalGraceDays = 30,
        };

        var table = Render<MemberTable>(p => p
            .Add(c => c.OrganizationId, Guid.NewGuid())
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new MemberPage([nina, dave], 2)))
            .Add(c => c.InvitationOf, id => id == _unsent.MembershipId ? _unsent : null)
            .Add(c => c.Now, _now)
            .Add(c => c.OnChangeRole, _ => { })
            .Add(c => c.OnRemove, _ => { }));

        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tbody tr").Count));
        var (ninaRow, daveRow) = (table.FindAll("tbody tr")[0], table.FindAll("tbody tr")[1]);
        Assert.Equal(invited, ninaRow.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal(expiry, ninaRow.QuerySelector("[data-testid=member-invitation-expiry]")!.TextContent.Trim());
        Assert.Contains(ninaRow.Children, cell => cell.TextContent.Trim() == manual); // Added by
        Assert.Equal(suspended, daveRow.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal(removalDue, daveRow.QuerySelector("[data-testid=member-removal-due]")!.TextContent.Trim());
        Assert.Contains(daveRow.Children, cell => cell.TextContent.Trim() == scim);
    }

    [Theory]
    [InlineData("en", "Invitations", "Expires in 3 hours", "Sent 2 times", "Emailed 2026-11-22 12:00 UTC", "Not sent: in the outbox", "Resend the invitation to olga@elsewhere.test")]
    [InlineData("pt-BR", "Convites", "Expira em 3 horas", "Enviado 2 vezes", "Enviado por e-mail em 2026-11-22 12:00 UTC", "Não enviado: na caixa de saída",
        "Reenviar o convite para olga@elsewhere.test")]
    [InlineData("id", "Undangan", "Berakhir dalam 3 jam", "Dikirim 2 kali", "Dikirim melalui email 2026-11-22 12.00 UTC", "Tidak terkirim: ada di kotak keluar",
        "Kirim ulang undangan ke olga@elsewhere.test")]
    public void InvitationsPanel_InTheLanguage(string culture, string heading, string expiry, string sent, string emailed, string outbox, string resend)
    {
        using var language = Localizers.UiCulture(culture);

        var panel = Render<InvitationsPanel>(p => p.Add(c => c.Invitations, [_unsent, _sent]).Add(c => c.Now, _now));

        Assert.Equal(heading, panel.Find("h2").TextContent.Trim());
        var rows = panel.FindAll("[data-testid=invitations-panel] tbody tr");
        Assert.StartsWith(outbox, rows[0].QuerySelector("[data-testid=invitation-delivery]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(expiry, rows[1].QuerySelector("[data-testid=invitation-expiry]")!.TextContent);
        Assert.Contains(sent, rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(emailed, rows[1].QuerySelector("[data-testid=invitation-delivery]")!.TextContent.Trim());
        Assert.Equal(resend, rows[1].QuerySelector("[data-testid=invitation-resend]")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("en", "Invite someone to Acme", "Their seat is held until they accept, for 7 days.", "Send invitation", "Cancel", "Standard · 18 free")]
    [InlineData("pt-BR", "Convidar alguém para Acme", "O assento fica reservado até ela aceitar, por 7 dias.", "Enviar convite", "Cancelar", "Standard · livres: 18")]
    [InlineData("id", "Undang seseorang ke Acme", "Kursinya ditahan sampai undangan diterima, selama 7 hari.", "Kirim undangan", "Batal", "Standard · 18 kosong")]
    public async Task InviteDialog_InTheLanguage(string culture, string title, string heldFor, string send, string cancel, string tierOption)
    {
        using var language = Localizers.UiCulture(culture);

        await ShowAsync(new DialogParameters<AddMemberDialog>
        {
            { d => d.Product, Product.Chat },
            { d => d.OrganizationName, "Acme" },
            { d => d.Seats, [new SeatUsage(SeatTier.Premium, 10, 10, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0)] },
            { d => d.Invite, true },
            { d => d.InvitationLifetime, InvitationLabels.Lifetime(Localizers.Portal(), TimeSpan.FromDays(7)) },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([]) },
        });

        var dialog = Provider.Find(".mud-dialog").TextContent;
        Assert.Contains(title, dialog, StringComparison.Ordinal);
        Assert.Contains(heldFor, dialog, StringComparison.Ordinal);
        Assert.Equal(send, Provider.Find("[data-testid=invite-member-submit]").TextContent.Trim());
        Assert.Contains(Provider.FindAll(".mud-dialog-actions button"), b => b.TextContent.Trim() == cancel);
        Assert.Equal(["Owner", "Admin", "User"], OpenSelect("role-select")); // product names, the same in every language
        Popovers.FindAll(".mud-popover-open .mud-list-item")[2].Click();
        Assert.Contains(tierOption, OpenSelect("tier-select"));
    }

    [Theory]
    [InlineData("en", "Remove Carol Chen?", "Carol Chen (carol@acme.test) loses access to Acme at once", "Directory sync added this person.", "Remove")]
    [InlineData("pt-BR", "Remover Carol Chen?", "Carol Chen (carol@acme.test) perde o acesso a Acme imediatamente", "A sincronização de diretório adicionou esta pessoa.", "Remover")]
    [InlineData("id", "Hapus Carol Chen?", "Carol Chen (carol@acme.test) langsung kehilangan akses ke Acme", "Sinkronisasi direktori menambahkan orang ini.", "Hapus")]
    public async Task RemoveDialog_InTheLanguage(string culture, string title, string body, string scimWarning, string confirm)
    {
        using var language = Localizers.UiCulture(culture);

        await ShowAsync(new DialogParameters<RemoveMemberDialog>
        {
            { d => d.Member, _carol }, { d => d.OrganizationName, "Acme" },
            { d => d.Submit, () => Task.FromResult<IReadOnlyList<Error>>([]) },
        });

        var dialog = Provider.Find(".mud-dialog").TextContent;
        Assert.Contains(title, dialog, StringComparison.Ordinal);
        Assert.Contains(body, dialog, StringComparison.Ordinal);
        Assert.Contains(scimWarning, dialog, StringComparison.Ordinal);
        Assert.Equal(confirm, Provider.Find("[data-testid=remove-member-confirm]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Change role or tier of Carol Chen", "carol@acme.test · now User, Standard", "Save")]
    [InlineData("pt-BR", "Alterar função ou nível de Carol Chen", "carol@acme.test · atualmente User, Standard", "Salvar")]
    [InlineData("id", "Ubah peran atau tingkat Carol Chen", "carol@acme.test · saat ini User, Standard", "Simpan")]
    public async Task ChangeRoleDialog_InTheLanguage(string culture, string title, string now, string save)
    {
        using var language = Localizers.UiCulture(culture);

        await ShowAsync(new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Product, Product.Chat }, { d => d.Member, _carol }, { d => d.Seats, [new SeatUsage(SeatTier.Premium, 10, 2, 0), new SeatUsage(SeatTier.Standard, 20, 2, 1)] },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([]) },
        });

        var dialog = Provider.Find(".mud-dialog").TextContent;
        Assert.Contains(title, dialog, StringComparison.Ordinal);
        Assert.Contains(now, dialog, StringComparison.Ordinal);
        Assert.Equal(save, Provider.Find("[data-testid=change-role-submit]").TextContent.Trim());
    }

    /// <summary>The article's "Total seats" (quoted in English by the Indonesian edition), with each language's digit grouping.</summary>
    [Theory]
    [InlineData("en", "Total seats", "Now 1,200 purchased, 1,004 in use, 3 waiting for a seat.", "Stand-in for billing", "Set total")]
    [InlineData("pt-BR", "Total de assentos", "Atualmente 1.200 comprados, 1.004 em uso, 3 aguardando assento.", "Substituto do faturamento", "Definir total")]
    [InlineData("id", "Total seats", "Saat ini 1.200 dibeli, 1.004 terpakai, 3 menunggu kursi.", "Pengganti penagihan", "Tetapkan total")]
    public async Task BuySeatsDialog_InTheLanguage(string culture, string total, string now, string standIn, string setTotal)
    {
        using var language = Localizers.UiCulture(culture);

        await ShowAsync(new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, [new SeatUsage(null, 1200, 1004, 3)] },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([]) },
        });

        var dialog = Provider.Find("[data-testid=buy-seats-dialog]");
        Assert.Equal(total, dialog.QuerySelector("label")!.TextContent.Trim());
        Assert.Contains(now, dialog.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(standIn, Provider.Find("[data-testid=billing-stand-in]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(setTotal, Provider.Find("[data-testid=buy-seats-submit]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Total Premium seats")]
    [InlineData("pt-BR", "Total de assentos Premium")]
    [InlineData("id", "Total seats Premium")]
    public async Task BuySeatsDialog_ATier_NamedInTheTotal(string culture, string total)
    {
        using var language = Localizers.UiCulture(culture);

        await ShowAsync(new DialogParameters<BuySeatsDialog>
        {
            { d => d.Seats, [new SeatUsage(SeatTier.Premium, 10, 2, 0), new SeatUsage(SeatTier.Standard, 20, 2, 1)] },
            { d => d.Submit, _ => Task.FromResult<IReadOnlyList<Error>>([]) },
        });

        Assert.Equal(total, Provider.Find("[data-testid=buy-seats-total]").Closest(".mud-input-control")!.QuerySelector("label")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Actions for Carol Chen", "Change role or tier", "Remove from organization")]
    [InlineData("pt-BR", "Ações para Carol Chen", "Alterar função ou nível", "Remover da organização")]
    [InlineData("id", "Tindakan untuk Carol Chen", "Ubah peran atau tingkat", "Hapus dari organisasi")]
    public void MemberMenu_InTheLanguage(string culture, string actions, string changeRole, string remove)
    {
        using var language = Localizers.UiCulture(culture);
        var menu = Render<MemberActionsMenu>(p => p.Add(c => c.Member, _carol).Add(c => c.OrganizationId, Guid.NewGuid()));

        menu.Find($"button[aria-label='{actions}']").Click();

        Popovers.WaitForAssertion(() => Assert.Equal(changeRole, Popovers.Find("[data-testid=member-change-role]").TextContent.Trim()));
        Assert.Equal(remove, Popovers.Find("[data-testid=member-remove]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Kept by hand", "Admin set by hand by Alice Anders on 2026-12-04. Sync keeps it until the IdP grants the same role or the override is cleared.")]
    [InlineData("pt-BR", "Mantida manualmente",
        "Admin definida manualmente por Alice Anders em 2026-12-04. A sincronização a mantém até que o IdP conceda a mesma função ou a substituição seja removida.")]
    [InlineData("id", "Ditetapkan manual",
        "Admin ditetapkan manual oleh Alice Anders pada 2026-12-04. Sinkronisasi mempertahankannya sampai IdP memberikan peran yang sama atau penimpaan dihapus.")]
    public void KeptByHandChip_InTheLanguage(string culture, string label, string tip)
    {
        using var language = Localizers.UiCulture(culture);
        var kept = _carol with { Role = Role.Admin, RoleOverride = Role.Admin, RoleOverrideSetBy = "Alice Anders", RoleOverrideSetAt = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero) };

        var chip = Render<RoleOverrideChip>(p => p.Add(c => c.Member, kept)).Find("[data-testid=role-override-chip]");

        Assert.Equal(label, chip.TextContent.Trim());
        Assert.Equal(tip, chip.GetAttribute("aria-label"));
    }

    [Fact]
    public void FilledSentence_ValuesAreEncodedText_NotMarkup()
    {
        var sentence = Render<FilledSentence>(p => p
            .Add(c => c.Text, "{1} invited {0}.")
            .Add(c => c.Values, [FilledSentence.Bold("<i>nina</i>@initech.test"), FilledSentence.Plain("Tom & Jerry")]));

        Assert.Equal("Tom &amp; Jerry invited <b>&lt;i&gt;nina&lt;/i&gt;@initech.test</b>.", sentence.Markup.Trim());
    }
}
