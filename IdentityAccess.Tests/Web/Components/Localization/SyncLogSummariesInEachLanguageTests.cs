using Bunit;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Localization;

namespace IdentityAccess.Tests.Web.Components.Localization;

/// <summary>
/// What each directory sync log row changed, in the reader's language: rows with phrase codes are worded by the portal
/// (names, emails, roles and tiers as they are), rows written before the codes show their English as written.
/// </summary>
public sealed class SyncLogSummariesInEachLanguageTests : ComponentTest
{
    private static ProvisioningLogEntry Coded(long id, params LogPhrase[] phrases)
    {
        var (summary, codes) = ProvisioningLogCodes.Both(phrases);
        return new() { Id = id, Status = 200, Method = "PATCH", Path = "/scim/v2/Groups/1", Summary = summary, TextCodes = codes, CorrelationId = $"c-{id}" };
    }

    private static readonly ProvisioningLogEntry[] _rows =
    [
        Coded(4, LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering") with { Then = [LogPhrase.Of(LogPhraseCode.MembersAddedRemoved, "3", "1")] },
            LogPhrase.Of(LogPhraseCode.MembershipChanges, "2")),
        Coded(3, LogPhrase.Of(LogPhraseCode.SignedIn, "carol@acme.test") with { Then = [LogPhrase.Of(LogPhraseCode.SignedInTo, "Acme", "User", "Standard", "Active")] }),
        Coded(2, LogPhrase.Of(LogPhraseCode.UsersListed, "100", "1004")),
        new() { Id = 1, Status = 201, Method = "POST", Path = "/scim/v2/Users", Summary = "Created user zed@acme.test", CorrelationId = "c-1" }, // before the codes
    ];

    [Theory]
    [InlineData("en", "Updated group 'Engineering': +3 \u22121 members; 2 membership changes", "carol@acme.test signed in: User, Standard seat in Acme",
        "Listed 100 of 1,004 users")]
    [InlineData("pt-BR", "Grupo 'Engineering' atualizado: +3 \u22121 membros; 2 alterações de participação", "carol@acme.test entrou: User, assento Standard em Acme",
        "100 de 1.004 usuários listados")]
    [InlineData("id", "Grup 'Engineering' diperbarui: +3 \u22121 anggota; 2 perubahan keanggotaan", "carol@acme.test masuk: User, kursi Standard di Acme",
        "100 dari 1.004 pengguna ditampilkan")]
    public void CodedRows_InTheReadersLanguage_OlderRowsAsWritten(string culture, string group, string signIn, string listed)
    {
        using var language = Localizers.UiCulture(culture);

        var log = Render<ProvisioningLogTable>(p => p
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new ProvisioningLogPage(_rows, _rows.Length)))
            .Add(c => c.ExportUrl, (filter, format) => DirectorySyncLabels.ExportUrl(Guid.Empty, filter, format)));

        log.WaitForAssertion(() => Assert.Equal(4, log.FindAll("tbody tr").Count));
        Assert.Equal([group, signIn, listed, "Created user zed@acme.test"], log.FindAll("[data-testid=log-summary]").Select(e => e.TextContent));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public void EveryPhrase_HasItsWords_InEachLanguage(string culture)
    {
        using var language = Localizers.UiCulture(culture);
        var localizer = Localizers.Portal();

        foreach (var code in Enum.GetValues<LogPhraseCode>())
        {
            var text = localizer.SyncLogPhrase(LogPhrase.Of(code, "Acme", "2", "Standard", "PendingSeat"));
            Assert.False(string.IsNullOrWhiteSpace(text), code.ToString());
            Assert.DoesNotContain("SyncLogText.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SignInChanges_StatusesAndNoTier_InPortuguese()
    {
        using var language = Localizers.UiCulture("pt-BR");
        var phrase = LogPhrase.Of(LogPhraseCode.SignInChanged, "frank@acme.test") with
        {
            Then =
            [
                LogPhrase.Of(LogPhraseCode.PersonCreated),
                LogPhrase.Of(LogPhraseCode.ProvisionedIn, "Acme", "User", "Standard", "PendingSeat"),
                LogPhrase.Of(LogPhraseCode.TierChangedIn, "Acme Labs", "", "Premium"),
                LogPhrase.Of(LogPhraseCode.StatusChangedIn, "Acme Labs", "Active", "LoginBlocked"),
            ],
        };

        Assert.Equal(
            "frank@acme.test: pessoa criada; provisionado em Acme como User, assento Standard, aguardando assento; nível de assento em Acme Labs: nenhum \u2192 Premium; "
            + "status em Acme Labs: ativo \u2192 login bloqueado",
            Localizers.Portal().SyncLogPhrase(phrase));
    }
}
