using System.Globalization;
using Bunit;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Audit;
using IdentityAccess.Web.Components.DirectorySync;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// The logs, the explanations of a role and the changes held for review, rendered in each language: their words from the
/// portal's resources, and their dates and times in the reader's order (UTC, as the logs keep them).
/// </summary>
public sealed class LogsAndExplanationsInEachLanguageTests : ComponentTest
{
    private static readonly DateTimeOffset _at = new(2026, 11, 23, 14, 5, 9, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "When (UTC)", "11/23/2026", "404 Not found", "Errors only", "SSO sign-in")]
    [InlineData("pt-BR", "Quando (UTC)", "23/11/2026 14:05:09", "404 Não encontrado", "Somente erros", "Login por SSO")]
    [InlineData("id", "Waktu (UTC)", "23/11/2026 14.05.09", "404 Tidak ditemukan", "Hanya kesalahan", "Masuk SSO")]
    public void ProvisioningLog_ColumnsStatusesAndTimes_InTheLanguage(string culture, string when, string time, string status, string errorsOnly, string ssoChip)
    {
        using var language = Localizers.UiCulture(culture);
        ProvisioningLogEntry[] rows =
        [
            new() { Id = 2, OccurredAt = _at, Status = 404, Method = "GET", Path = "/scim/v2/Users/42", ErrorDetail = "User 42 not found.", TokenPrefix = "ia_scim_AbCd", CorrelationId = "c-2", DurationMs = 1250 },
            new() { Id = 1, OccurredAt = _at, Channel = ProvisioningLogChannel.Sso, Status = 200, Method = "SAML", Path = "/saml/acs", Summary = "signed in", CorrelationId = "c-1" },
        ];

        var log = Render<ProvisioningLogTable>(p => p
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new ProvisioningLogPage(rows, rows.Length)))
            .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

        log.WaitForAssertion(() => Assert.Equal(2, log.FindAll("tbody tr").Count));
        Assert.Contains(log.FindAll("th"), th => th.TextContent.Trim() == when);
        var first = log.FindAll("tbody tr")[0].TextContent;
        Assert.Contains(time, first, StringComparison.Ordinal);
        Assert.Contains(status, first, StringComparison.Ordinal);
        Assert.Contains(PortalNumber(culture, 1250) + " ms", first, StringComparison.Ordinal);
        Assert.Contains(errorsOnly, log.Markup, StringComparison.Ordinal);
        Assert.Equal(ssoChip, log.Find("[data-testid=log-channel-sso]").TextContent.Trim());
        Assert.Contains("User 42 not found.", first, StringComparison.Ordinal); // the row as logged stays as it was written
    }

    [Theory]
    [InlineData("en", "When (UTC)", "11/23/2026", "No audit events match.", "Export CSV")]
    [InlineData("pt-BR", "Quando (UTC)", "23/11/2026 14:05:09", "Nenhum evento de auditoria corresponde aos filtros.", "Exportar CSV")]
    [InlineData("id", "Waktu (UTC)", "23/11/2026 14.05.09", "Tidak ada peristiwa audit yang cocok.", "Ekspor CSV")]
    public void AuditLog_ColumnsTimesAndEmptyState_InTheLanguage(string culture, string when, string time, string noMatch, string export)
    {
        using var language = Localizers.UiCulture(culture);
        AuditEvent[] events = [new() { OccurredAt = _at, Actor = "alice@acme.test", Action = "membership.added", Target = "bob@acme.test" }];

        var audit = RenderAudit(events);
        var empty = RenderAudit([]);

        audit.WaitForAssertion(() => Assert.Single(audit.FindAll("tbody tr")));
        Assert.Contains(audit.FindAll("th"), th => th.TextContent.Trim() == when);
        var row = audit.Find("tbody tr").TextContent;
        Assert.Contains(time, row, StringComparison.Ordinal);
        Assert.Contains("membership.added", row, StringComparison.Ordinal); // the action as stored
        Assert.Equal(export, audit.Find("[data-testid=export-audit-csv]").TextContent.Trim());
        empty.WaitForAssertion(() => Assert.Contains(noMatch, empty.Markup, StringComparison.Ordinal));
    }

    private IRenderedComponent<AuditTable> RenderAudit(AuditEvent[] events) => Render<AuditTable>(p => p
        .Add(c => c.LoadPage, (_, _) => Task.FromResult(new AuditPage(events, events.Length)))
        .Add(c => c.ExportUrl, (_, format) => $"/audit/log.{format}"));

    [Theory]
    [InlineData("en", "Directory sync health", "35 min ago", "120 requests, 3 errors", "3 h ago", "4 requests in the last 24 hours came with a revoked token", "No request with token ia_scim_QUIET… for 3 h.")]
    [InlineData("pt-BR", "Saúde da sincronização de diretório", "há 35 min", "120 requisições, 3 erros", "há 3 h", "4 requisições nas últimas 24 horas vieram com um token revogado", "Nenhuma requisição com o token ia_scim_QUIET… há 3 h.")]
    [InlineData("id", "Kesehatan sinkronisasi direktori", "35 menit yang lalu", "120 permintaan, 3 kesalahan", "3 jam yang lalu", "4 permintaan dalam 24 jam terakhir menggunakan token yang sudah dicabut", "Tidak ada permintaan dengan token ia_scim_QUIET… selama 3 jam.")]
    public void SyncHealth_CountsAgesAndWarnings_InTheLanguage(string culture, string heading, string ago, string lastDay, string errorAgo, string revoked, string quiet)
    {
        using var language = Localizers.UiCulture(culture);
        var now = _at;
        TokenSyncHealth[] tokens =
        [
            new(Guid.NewGuid(), "ia_scim_AAAA", now.AddDays(-3), now.AddMinutes(-35), 120, 3, new LoggedError(409, "A user with userName 'x' already exists.", now.AddHours(-3))),
            new(Guid.NewGuid(), "ia_scim_QUIET", now.AddDays(-3), now.AddHours(-3), 0, 0, null),
        ];

        var panel = Render<SyncHealthPanel>(p => p.Add(c => c.Status, new DirectorySyncStatus(now, tokens, 4, new HashSet<string>())).Add(c => c.LogHref, "/log"));

        Assert.Equal(heading, panel.Find("h2").TextContent.Trim());
        var row = panel.Find("tr[data-token='ia_scim_AAAA']");
        Assert.Equal(ago, row.QuerySelector("[data-testid=last-request]")!.TextContent.Trim());
        Assert.Equal(lastDay, string.Join(" ", row.QuerySelector("[data-testid=last-day]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains(errorAgo, row.QuerySelector("[data-testid=last-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(revoked, panel.Find("[data-testid=revoked-token-in-use]").TextContent, StringComparison.Ordinal);
        Assert.Contains(quiet, panel.Find("[data-testid=quiet-token]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Sync finished: 1,004 membership changes.", "Sync finished: 1 membership change.")]
    [InlineData("pt-BR", "Sincronização concluída: 1.004 alterações de participação.", "Sincronização concluída: 1 alteração de participação.")]
    [InlineData("id", "Sinkronisasi selesai: 1.004 perubahan keanggotaan.", "Sinkronisasi selesai: 1 perubahan keanggotaan.")]
    public void SyncNowFinished_SaysHowManyInTheLanguage_WhereverSyncNowWasPressed(string culture, string many, string one)
    {
        using var language = Localizers.UiCulture(culture);

        Assert.Equal((many, one), (DirectorySyncLabels.SyncNowFinished(1004), DirectorySyncLabels.SyncNowFinished(1)));
        Assert.Equal(culture == "en", DirectorySyncLabels.SyncNowFailed.StartsWith("Sync now could not finish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "2 changes held for your review", "Removal", "Demotion", "Apply all 2", "Discard all and keep them", "Remove from Acme", "Directory sync (SCIM)")]
    [InlineData("pt-BR", "2 alterações retidas para sua revisão", "Remoção", "Rebaixamento", "Aplicar todas (2)", "Descartar tudo e manter as pessoas", "Remover de Acme",
        "Sincronização de diretório (SCIM)")]
    [InlineData("id", "2 perubahan ditahan untuk Anda tinjau", "Penghapusan", "Penurunan peran", "Terapkan semua (2)", "Buang semua dan pertahankan mereka", "Hapus dari Acme",
        "Directory sync (SCIM)")]
    public void StagedRemovals_HeadingKindsButtonsAndSince_InTheLanguage(string culture, string heading, string removal, string demotion, string apply, string discard,
        string asked, string path)
    {
        using var language = Localizers.UiCulture(culture);
        StagedRemovalView[] people =
        [
            new(Guid.NewGuid(), "frank@acme.test", "Frank Fischer", ChangeKind.Deprovision, "Not assigned to the IdP app.", _at) { Asked = "Remove from Acme", Path = "Directory sync (SCIM)" },
            new(Guid.NewGuid(), "gina@acme.test", "Gina Gomez", ChangeKind.Demote, "Role follows groups.", _at) { Asked = "Owner → User", Path = "Sync now" },
        ];

        var panel = Render<StagedRemovalsPanel>(p => p.Add(c => c.People, people).Add(c => c.OrganizationName, "Acme"));

        Assert.Equal(heading, panel.Find("h2").TextContent.Trim());
        var frank = panel.Find("tr[data-person='frank@acme.test']").TextContent;
        Assert.Contains(removal, frank, StringComparison.Ordinal);
        Assert.Contains(_at.UtcDateTime.ToString("g", CultureInfo.GetCultureInfo(culture)) + " UTC", frank, StringComparison.Ordinal);
        Assert.Contains(asked, frank, StringComparison.Ordinal); // what the IdP asked, and by which path, in the reader's words
        Assert.Contains(path, frank, StringComparison.Ordinal);
        Assert.Contains(demotion, panel.Find("tr[data-person='gina@acme.test']").TextContent, StringComparison.Ordinal);
        Assert.Equal(apply, panel.Find("[data-testid=approve-removals]").TextContent.Trim());
        Assert.Equal(discard, panel.Find("[data-testid=reject-removals]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Why this role?", "Under the current settings (Directory sync (SCIM), advanced group mappings on):", "Not a member", "it changes at the next sync or sign-in",
        "Not assigned to the IdP app: removed by directory sync.")]
    [InlineData("pt-BR", "Por que esta função?", "Com as configurações atuais (Directory sync (SCIM), mapeamentos de grupo avançados ativados):", "Não é membro", "ela muda na próxima sincronização ou no próximo login",
        "Não atribuído ao aplicativo IdP: removido pela sincronização de diretório.")]
    [InlineData("id", "Mengapa peran ini?", "Dengan pengaturan saat ini (Directory sync (SCIM), Advanced group mappings aktif):", "Bukan anggota", "keanggotaan berubah pada sinkronisasi atau proses masuk berikutnya",
        "Tidak ditugaskan ke aplikasi IdP: dihapus oleh sinkronisasi direktori.")]
    public void WhyThisRole_SettingsOutcomeAndWhatToDo_InTheLanguage(string culture, string heading, string settings, string notAMember, string differs, string reason)
    {
        using var language = Localizers.UiCulture(culture);
        var person = new KnownPerson(Guid.NewGuid(), null, "dave@acme.test", "Dave", DirectoryPresence.Absent, GroupKnowledge.LastSignIn, [], null, null);
        var outcome = new PersonOutcome(person, null, [ChangeKind.Deprovision], [OutcomeReason.Of(ReasonCode.NotAssignedRemoved)], false);
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim, AdvancedGroupMappings = true };

        var why = Render<WhyThisRole>(p => p.Add(c => c.OrganizationId, Guid.Empty).Add(c => c.Explanation, new RoleExplanation(outcome, draft)));

        var text = why.Find("[data-testid=why-this-role]").TextContent;
        Assert.Equal(heading, why.Find("h2").TextContent.Trim());
        Assert.Contains(settings, text, StringComparison.Ordinal);
        Assert.Contains(notAMember, why.Find("[data-testid=outcome-explanation]").TextContent, StringComparison.Ordinal);
        Assert.Contains(differs, text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal); // the engine's reasons, in the language
    }

    [Theory]
    [InlineData("en", "What if…", "Show outcome", "Nobody with that email is known here.")]
    [InlineData("pt-BR", "E se…", "Mostrar resultado", "Ninguém com esse e-mail é conhecido aqui.")]
    [InlineData("id", "Bagaimana jika…", "Tampilkan hasil", "Tidak ada orang dengan email tersebut yang dikenal di sini.")]
    public void WhatIf_AskingAboutSomeoneUnknown_InTheLanguage(string culture, string heading, string run, string unknown)
    {
        using var language = Localizers.UiCulture(culture);
        Render<MudPopoverProvider>();

        var whatIf = Render<WhatIfSimulator>(p => p.Add(c => c.Groups, []).Add(c => c.Simulate, _ => Task.FromResult<PersonOutcome?>(null)));
        whatIf.Find("[data-testid=what-if-run]").Click();

        Assert.Equal(heading, whatIf.Find("h2").TextContent.Trim());
        Assert.Equal(run, whatIf.Find("[data-testid=what-if-run]").TextContent.Trim());
        whatIf.WaitForAssertion(() => Assert.Contains(unknown, whatIf.Markup, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Members with an address at acme.test:", "1,204", "No organization uses single sign-on for that email address", "Type acme.test to confirm", "Remove domain")]
    [InlineData("pt-BR", "Membros com endereço em acme.test:", "1.204", "Nenhuma organização usa single sign-on para esse endereço de e-mail", "Digite acme.test para confirmar", "Remover domínio")]
    [InlineData("id", "Anggota dengan alamat di acme.test:", "1.204", "Tidak ada organisasi yang menggunakan single sign-on untuk alamat email tersebut", "Ketik acme.test untuk mengonfirmasi", "Hapus domain")]
    public async Task DomainRemoval_WhoIsCutOffAndTheSignInPagesWords_InTheLanguage(string culture, string members, string count, string refusal, string typeToConfirm,
        string remove)
    {
        using var language = Localizers.UiCulture(culture);
        var dialogs = OpenDialogs();

        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<DomainRemovalDialog>("Remove?", new DialogParameters<DomainRemovalDialog>
        {
            { d => d.Impact, new DomainRemovalImpact("acme.test", DomainStatus.Verified, 1204, 8, SsoEnabled: true, LastVerifiedDomain: true) },
        }));

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid='confirm-domain-removal']")));
        var impact = dialogs.Find("[data-testid='domain-removal-impact']").TextContent;
        Assert.Contains(members, impact, StringComparison.Ordinal);
        Assert.Equal(count, dialogs.Find("[data-testid='domain-removal-members']").TextContent);
        Assert.Contains($"\"{refusal}\"", impact, StringComparison.Ordinal);
        Assert.Contains(typeToConfirm, dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.Equal(remove, dialogs.Find("button[data-testid='confirm-domain-removal']").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Apply the change your IdP asked for?", "Demote from Owner to User", "no active Owner", "Type alice@acme.test to confirm")]
    [InlineData("pt-BR", "Aplicar a alteração que seu IdP pediu?", "Rebaixar de Owner para User", "sem nenhum Owner ativo", "Digite alice@acme.test para confirmar")]
    [InlineData("id", "Terapkan perubahan yang diminta IdP Anda?", "Turunkan dari Owner ke User", "tidak memiliki Owner yang aktif", "Ketik alice@acme.test untuk mengonfirmasi")]
    public async Task HeldTopRoleChange_ApplyDialog_InTheLanguage(string culture, string title, string asked, string why, string typeToConfirm)
    {
        using var language = Localizers.UiCulture(culture);
        var dialogs = OpenDialogs();
        var held = new HeldTopRoleChangeView(Guid.NewGuid(), Guid.NewGuid(), "alice@acme.test", "Alice Anders", ChangeKind.Demote, Role.Owner, Role.User,
            MembershipStatus.Active, "Directory sync (SCIM)", "Group 'anthropic-claude-users' → User.", _at);

        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<HeldChangeApplyDialog>("Apply?", new DialogParameters<HeldChangeApplyDialog>
        {
            { d => d.Held, held },
            { d => d.TopRole, "Owner" },
            { d => d.Submit, _ => Task.FromResult<IdentityAccess.Core.Common.Error?>(null) },
        }));

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid='held-apply-confirm']")));
        var dialog = dialogs.Find(".mud-dialog").TextContent;
        Assert.Contains(title, dialog, StringComparison.Ordinal);
        Assert.Contains(asked, dialog, StringComparison.Ordinal);
        Assert.Contains(why, dialog, StringComparison.Ordinal);
        Assert.Contains(typeToConfirm, dialog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Apply all 1,204 held changes?", "1,204 people lose access or role", "Type 1204 or Acme to confirm")]
    [InlineData("pt-BR", "Aplicar todas as 1.204 alterações retidas?", "1.204 pessoas perdem o acesso ou a função", "Digite 1204 ou Acme para confirmar")]
    [InlineData("id", "Terapkan semua 1.204 perubahan yang ditahan?", "1.204 orang kehilangan akses atau peran", "Ketik 1204 atau Acme untuk mengonfirmasi")]
    public async Task HeldChangesDecision_CountsInTheLanguage_TheNumberTypedAsDigits(string culture, string title, string consequence, string typeToConfirm)
    {
        using var language = Localizers.UiCulture(culture);
        var dialogs = OpenDialogs();

        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<HeldChangesDecisionDialog>("Apply?", new DialogParameters<HeldChangesDecisionDialog>
        {
            { d => d.Count, 1204 },
            { d => d.OrganizationName, "Acme" },
            { d => d.Apply, true },
            { d => d.Submit, _ => Task.FromResult<IdentityAccess.Core.Common.Error?>(null) },
        }));

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid='held-changes-confirm']")));
        var dialog = dialogs.Find(".mud-dialog").TextContent;
        Assert.Contains(title, dialog, StringComparison.Ordinal);
        Assert.Contains(consequence, dialog, StringComparison.Ordinal);
        Assert.Contains(typeToConfirm, dialog, StringComparison.Ordinal);
    }

    private IRenderedComponent<MudDialogProvider> OpenDialogs()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    private static string PortalNumber(string culture, int n) => n.ToString("N0", CultureInfo.GetCultureInfo(culture));
}
